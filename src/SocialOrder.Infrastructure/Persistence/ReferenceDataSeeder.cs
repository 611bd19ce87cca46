using Microsoft.EntityFrameworkCore;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Infrastructure.Persistence;

/// <summary>The regions and priority areas every installation needs; idempotent (inserts only what is missing).</summary>
public static class ReferenceDataSeeder
{
    public static IReadOnlyList<Region> Regions { get; } =
    [
        new(new RegionId(1), "ABA", new("Абай облысы", "Абайская область", "Abai Region"), RegionKind.Oblast),
        new(new RegionId(2), "AKM", new("Ақмола облысы", "Акмолинская область", "Akmola Region"), RegionKind.Oblast),
        new(new RegionId(3), "AKT", new("Ақтөбе облысы", "Актюбинская область", "Aktobe Region"), RegionKind.Oblast),
        new(new RegionId(4), "ALM", new("Алматы облысы", "Алматинская область", "Almaty Region"), RegionKind.Oblast),
        new(new RegionId(5), "ATY", new("Атырау облысы", "Атырауская область", "Atyrau Region"), RegionKind.Oblast),
        new(new RegionId(6), "VKO", new("Шығыс Қазақстан облысы", "Восточно-Казахстанская область", "East Kazakhstan Region"), RegionKind.Oblast),
        new(new RegionId(7), "ZHA", new("Жамбыл облысы", "Жамбылская область", "Jambyl Region"), RegionKind.Oblast),
        new(new RegionId(8), "ZHE", new("Жетісу облысы", "Область Жетісу", "Jetisu Region"), RegionKind.Oblast),
        new(new RegionId(9), "ZKO", new("Батыс Қазақстан облысы", "Западно-Казахстанская область", "West Kazakhstan Region"), RegionKind.Oblast),
        new(new RegionId(10), "KAR", new("Қарағанды облысы", "Карагандинская область", "Karaganda Region"), RegionKind.Oblast),
        new(new RegionId(11), "KUS", new("Қостанай облысы", "Костанайская область", "Kostanay Region"), RegionKind.Oblast),
        new(new RegionId(12), "KZY", new("Қызылорда облысы", "Кызылординская область", "Kyzylorda Region"), RegionKind.Oblast),
        new(new RegionId(13), "MAN", new("Маңғыстау облысы", "Мангистауская область", "Mangystau Region"), RegionKind.Oblast),
        new(new RegionId(14), "PAV", new("Павлодар облысы", "Павлодарская область", "Pavlodar Region"), RegionKind.Oblast),
        new(new RegionId(15), "SKO", new("Солтүстік Қазақстан облысы", "Северо-Казахстанская область", "North Kazakhstan Region"), RegionKind.Oblast),
        new(new RegionId(16), "TUR", new("Түркістан облысы", "Туркестанская область", "Turkistan Region"), RegionKind.Oblast),
        new(new RegionId(17), "ULY", new("Ұлытау облысы", "Область Ұлытау", "Ulytau Region"), RegionKind.Oblast),
        new(new RegionId(18), "AST", new("Астана қаласы", "город Астана", "Astana"), RegionKind.CityOfRepublicanSignificance),
        new(new RegionId(19), "ALA", new("Алматы қаласы", "город Алматы", "Almaty (city)"), RegionKind.CityOfRepublicanSignificance),
        new(new RegionId(20), "SHY", new("Шымкент қаласы", "город Шымкент", "Shymkent"), RegionKind.CityOfRepublicanSignificance),
    ];

    public static IReadOnlyList<PriorityArea> PriorityAreas { get; } =
    [
        new(new PriorityAreaId(1), "YOUTH", new("Жастар саясаты", "Молодёжная политика", "Youth policy")),
        new(new PriorityAreaId(2), "DISAB", new("Мүгедектігі бар адамдарды қолдау", "Поддержка лиц с инвалидностью", "Support for persons with disabilities")),
        new(new PriorityAreaId(3), "FAMILY", new("Отбасы, әйелдер және балалар", "Семья, женщины и дети", "Family, women and children")),
        new(new PriorityAreaId(4), "VIOLENCE", new("Тұрмыстық зорлық-зомбылықтың алдын алу", "Профилактика бытового насилия", "Prevention of domestic violence")),
        new(new PriorityAreaId(5), "ECO", new("Экология және жануарларды қорғау", "Экология и защита животных", "Ecology and animal protection")),
        new(new PriorityAreaId(6), "CULTURE", new("Мәдениет және өнер", "Культура и искусство", "Culture and the arts")),
        new(new PriorityAreaId(7), "HEALTH", new("Денсаулық сақтау және салауатты өмір салты", "Здравоохранение и здоровый образ жизни", "Health and healthy lifestyles")),
        new(new PriorityAreaId(8), "EDU", new("Білім, ғылым және ақпарат", "Образование, наука и информация", "Education, science and information")),
        new(new PriorityAreaId(9), "SENIOR", new("Егде жастағы адамдарды қолдау", "Поддержка пожилых людей", "Support for older people")),
        new(new PriorityAreaId(10), "SPORT", new("Дене шынықтыру және спорт", "Физическая культура и спорт", "Physical culture and sport")),
        new(new PriorityAreaId(11), "CIVIC", new("Азаматтық қоғамды дамыту", "Развитие гражданского общества", "Civil society development")),
        new(new PriorityAreaId(12), "VULNER", new("Әлеуметтік осал топтарды қолдау", "Поддержка социально уязвимых групп", "Support for socially vulnerable groups")),
    ];

    public static async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var regionCodes = await db.Regions.Select(r => r.Code).ToListAsync(cancellationToken);
        foreach (var r in Regions.Where(r => !regionCodes.Contains(r.Code)))
        {
            db.Regions.Add(new Region(r.Id, r.Code, r.Name, r.Kind));
        }

        var areaCodes = await db.PriorityAreas.Select(a => a.Code).ToListAsync(cancellationToken);
        foreach (var a in PriorityAreas.Where(a => !areaCodes.Contains(a.Code)))
        {
            db.PriorityAreas.Add(new PriorityArea(a.Id, a.Code, a.Name));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static LocalizedText RegionName(string code) => Regions.Single(r => r.Code == code).Name;
}
