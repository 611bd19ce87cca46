using System.Globalization;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Common;

namespace SocialOrder.ProtocolBenchmark;

/// <summary>
/// A large, deterministic award protocol: 500 evaluated bids on six criteria (means of five experts' scores),
/// long Kazakh and Russian organization names, 20 ineligible bids, 9 members and a few dissents.
/// </summary>
public static class SyntheticProtocol
{
    private static readonly (string Kk, string Ru)[] Kinds =
    [
        ("қоғамдық қоры", "общественный фонд"),
        ("жастар бірлестігі", "молодёжное объединение"),
        ("әлеуметтік-ғылыми қоғамдық ұйымы", "социально-научное общественное объединение"),
        ("мүмкіндігі шектеулі балаларды қолдау орталығы", "центр поддержки детей с инвалидностью"),
        ("экологиялық қозғалысы", "экологическое движение"),
        ("әйелдер құқықтарын қорғау қауымдастығы", "ассоциация защиты прав женщин"),
    ];

    private static readonly string[] Brands = ["Шаңырақ", "Өркен", "Ұлы дала", "Үміт", "Жасыл әлем", "Бәйтерек", "Ақ ниет", "Қамқор", "Нұрлы болашақ", "Іңкәр"];

    private static readonly (string Kk, string Ru)[] Places =
    [
        ("Өскемен шаһары, Шығыс Қазақстан облысы", "город Усть-Каменогорск, Восточно-Казахстанская область"),
        ("Шымкент қаласы", "город Шымкент"),
        ("Қызылорда облысы, Арал ауданы", "Кызылординская область, Аральский район"),
        ("Астана қаласы", "город Астана"),
        ("Маңғыстау облысы, Жаңаөзен қаласы", "Мангистауская область, город Жанаозен"),
    ];

    private static readonly string[] Flags = ["Divergent", "Reconciled", "BelowCriterionMinimum", "BelowOverallMinimum"];

    public static AwardProtocolDocument Create(int bids = 500, int ineligible = 20)
    {
        var random = new Random(20260427);
        var criteria = new ProtocolCriterion[]
        {
            new("REL", new("Өзектілік және мақсатты топтың қажеттіліктері", "Актуальность и потребности целевой группы"), 25m, 10),
            new("PLAN", new("Жоспардың орындалуы", "Реалистичность плана"), 20m, 10),
            new("BUDG", new("Бюджеттің негізділігі", "Обоснованность бюджета"), 20m, 10),
            new("CAP", new("Ұйымның әлеуеті", "Потенциал организации"), 15m, 10),
            new("SUST", new("Тұрақтылық", "Устойчивость"), 10m, 10),
            new("IND", new("Нәтижелер мен индикаторлар", "Результаты и индикаторы"), 10m, 10),
        };

        // Five experts score each criterion; the protocol shows their mean. Ranks follow the weighted total.
        var scored = Enumerable.Range(0, bids).Select(n =>
        {
            var level = 9.6m - 6.5m * n / bids;
            var means = criteria.Select(_ => Math.Clamp(Math.Round(Enumerable.Range(0, 5).Average(_ => level + (decimal)(random.NextDouble() - 0.5)), 2), 0m, 10m)).ToList();
            var total = Math.Round(means.Zip(criteria, (m, c) => m * c.Weight).Sum() / 10m, 2);
            var requested = 2_000_000m + random.Next(0, 60) * 250_000m;
            var flags = Flags.Where((_, i) => random.Next(0, 12) == i).ToList();
            return (means, total, requested, flags);
        }).OrderByDescending(b => b.total).ToList();

        const decimal budget = 400_000_000m;
        var spent = 0m;
        var reserve = 0;
        var list = new List<ProtocolBid>(bids);
        for (var rank = 1; rank <= bids; rank++)
        {
            var (means, total, requested, flags) = scored[rank - 1];
            var outcome = ProtocolOutcome.NotAwarded;
            var awarded = 0m;
            string? justification = null;
            if (total >= 50m && spent + requested <= budget)
            {
                outcome = ProtocolOutcome.Awarded;
                awarded = rank % 7 == 0 ? requested - 500_000m : requested;
                justification = rank % 7 == 0
                    ? "Бюджеттің «Жабдық» бабы нарықтық бағаларға сәйкес азайтылды. Статья «Оборудование» уменьшена до рыночных цен."
                    : null;
                spent += awarded;
            }
            else if (total >= 50m && reserve < 15)
            {
                outcome = ProtocolOutcome.Reserve;
                reserve++;
            }

            list.Add(new ProtocolBid(
                rank, Receipt(rank), Organization(rank), Bin(rank), requested, means, total, flags, outcome, awarded, justification));
        }

        var members = new List<ProtocolMember>
        {
            new("Сәрсенбаев Ғалымжан Нұрланұлы", ProtocolMemberRole.Chair, false, true),
            new("Иванова Мария Петровна", ProtocolMemberRole.Secretary, false, true),
            new("Өтепова Әйгерім Құрманқызы", ProtocolMemberRole.Member, false, true),
            new("Ким Сергей Алексеевич", ProtocolMemberRole.Member, false, true),
            new("Жұмабаев Нұрсұлтан Үсенұлы", ProtocolMemberRole.Member, false, false),
            new("Бекова Айгүл Талғатқызы", ProtocolMemberRole.Member, false, true),
            new("Петренко Олег Викторович", ProtocolMemberRole.Member, false, true),
            new("Исаева Гүлнар Маратқызы", ProtocolMemberRole.Member, false, true),
            new("Ахметова Дана Серікқызы", ProtocolMemberRole.Member, true, true),
        };
        var excluded = Enumerable.Range(1, ineligible).Select(i => new ProtocolIneligibleBid(
            Receipt(900_000 + i), Organization(1000 + i), Bin(1000 + i),
            (i % 3) switch
            {
                0 => "Жарғының көшірмесі ұсынылмаған. Не приложена копия устава.",
                1 => "Ұйым тіркелгеннен бері бір жыл өтпеген, бұл конкурс шарттарына сәйкес келмейді. Организация зарегистрирована менее одного года назад, что не соответствует условиям конкурса.",
                _ => "Сұралған сома бір жобаға арналған ең жоғары сомадан асады. Запрошенная сумма превышает максимальную сумму на один проект.",
            })).ToList();
        var dissents = new List<ProtocolDissent>
        {
            new("Ким Сергей Алексеевич", "Считаю, что заявкам с расхождением оценок следовало назначить дополнительного эксперта до принятия решения. " +
                "Прошу приобщить особое мнение к протоколу."),
            new("Өтепова Әйгерім Құрманқызы", "Резервтік тізімдегі өтінімдер бойынша бюджет қалдығын келесі кезеңде қайта бөлуді ұсынамын."),
            new("Петренко Олег Викторович", "Не согласен с уменьшением сумм по статье «Оборудование» без запроса дополнительных коммерческих предложений."),
        };

        const string hash = "3b5f0e1c9a7d2468ace0bdf13579bdf02468ace13579bdf02468ace13579bdf0";
        return new AwardProtocolDocument(
            "AP-2026-0500", new DateTimeOffset(2026, 4, 27, 6, 30, 0, TimeSpan.Zero),
            new("Қазақстан Республикасы Ақпарат және қоғамдық даму министрлігінің Азаматтық қоғам істері комитеті",
                "Комитет по делам гражданского общества Министерства информации и общественного развития Республики Казахстан"),
            "SSO-2026-0113",
            new("Өңірлердегі жастардың әлеуметтік белсенділігін арттыру және еріктілер қозғалысын дамыту",
                "Повышение социальной активности молодёжи в регионах и развитие волонтёрского движения"),
            budget, members, 2m / 3m, bids + ineligible + 7, 7, excluded, bids, criteria, list, spent, dissents, hash,
            "https://socialorder.kz/Verify/" + hash, SocialOrder.Domain.Calls.Instrument.StateSocialOrder);
    }

    private static string Receipt(int n) => string.Create(CultureInfo.InvariantCulture, $"RCP-2026-{n:000000}");

    private static string Bin(int n) => string.Create(CultureInfo.InvariantCulture, $"{(940_140_000_000L + n * 7919L) % 1_000_000_000_000L:000000000000}");

    private static LocalizedText Organization(int n)
    {
        var (kindKk, kindRu) = Kinds[n % Kinds.Length];
        var brand = Brands[n * 7 % Brands.Length];
        var (placeKk, placeRu) = Places[n * 3 % Places.Length];
        return new($"«{brand}» {kindKk} ({placeKk})", $"{char.ToUpperInvariant(kindRu[0])}{kindRu[1..]} «{brand}» ({placeRu})");
    }
}
