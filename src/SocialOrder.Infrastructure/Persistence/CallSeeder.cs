using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Infrastructure.Persistence;

/// <summary>
/// Fills the catalogue with realistic published calls for demonstrations and load tests (<c>--seed-calls N</c>):
/// varied regions, areas, instruments, terms, budgets and submission windows in the past, present and future,
/// some amended, cancelled or awarded, some with answered questions. Calls are built through the domain, so each
/// one would pass the publishing checks, and inserted in batches. Seeded calls notify no subscribers.
/// </summary>
public static class CallSeeder
{
    private const int BatchSize = 500;

    /// <summary>Topic noun phrases per priority area code (kk, ru, en); the load test searches these words.</summary>
    public static IReadOnlyDictionary<string, LocalizedText[]> Topics { get; } = new Dictionary<string, LocalizedText[]>(StringComparer.Ordinal)
    {
        ["YOUTH"] =
        [
            new("Жастар бастамаларын қолдау", "Поддержка молодёжных инициатив", "Support for youth initiatives"),
            new("Жастар арасында еріктілер қозғалысын дамыту", "Развитие волонтёрского движения среди молодёжи", "Developing youth volunteering"),
            new("Жастарды кәсіптік бағдарлау және жұмысқа орналастыру", "Профориентация и трудоустройство молодёжи", "Career guidance and jobs for young people"),
        ],
        ["DISAB"] =
        [
            new("Мүгедектігі бар адамдар үшін инклюзивті орта", "Инклюзивная среда для людей с инвалидностью", "An inclusive environment for persons with disabilities"),
            new("Ерекше қажеттіліктері бар балаларды оңалту", "Реабилитация детей с особыми потребностями", "Rehabilitation of children with special needs"),
            new("Мүгедектігі бар адамдарды жұмысқа орналастыру", "Трудоустройство людей с инвалидностью", "Employment of persons with disabilities"),
        ],
        ["FAMILY"] =
        [
            new("Көпбалалы отбасыларды қолдау", "Поддержка многодетных семей", "Support for large families"),
            new("Отбасылық құндылықтарды нығайту", "Укрепление семейных ценностей", "Strengthening family values"),
            new("Әйелдердің экономикалық мүмкіндіктерін кеңейту", "Расширение экономических возможностей женщин", "Economic empowerment of women"),
        ],
        ["VIOLENCE"] =
        [
            new("Тұрмыстық зорлық-зомбылықтың алдын алу", "Профилактика бытового насилия", "Prevention of domestic violence"),
            new("Зорлық-зомбылықтан зардап шеккендерге арналған дағдарыс орталығы", "Кризисный центр для пострадавших от насилия", "A crisis centre for survivors of violence"),
            new("Мектептердегі буллингтің алдын алу", "Профилактика буллинга в школах", "Preventing bullying in schools"),
        ],
        ["ECO"] =
        [
            new("Қалдықтарды бөлек жинау және қайта өңдеу", "Раздельный сбор и переработка отходов", "Separate waste collection and recycling"),
            new("Қалалар мен ауылдарды көгалдандыру", "Озеленение городов и сёл", "Greening towns and villages"),
            new("Иесіз жануарларды қорғау", "Защита бездомных животных", "Protecting stray animals"),
        ],
        ["CULTURE"] =
        [
            new("Ұлттық мәдени мұраны сақтау", "Сохранение национального культурного наследия", "Preserving the national cultural heritage"),
            new("Балалар театрын дамыту", "Развитие детского театра", "Developing children's theatre"),
            new("Қазақ тілін дәріптеу", "Популяризация казахского языка", "Promoting the Kazakh language"),
        ],
        ["HEALTH"] =
        [
            new("Салауатты өмір салтын насихаттау", "Пропаганда здорового образа жизни", "Promoting healthy lifestyles"),
            new("Жасөспірімдер арасында нашақорлықтың алдын алу", "Профилактика наркомании среди подростков", "Preventing drug use among teenagers"),
            new("Халыққа психологиялық көмек көрсету", "Психологическая помощь населению", "Psychological support for the public"),
        ],
        ["EDU"] =
        [
            new("Медиасауаттылықты арттыру", "Повышение медиаграмотности", "Improving media literacy"),
            new("Ауыл тұрғындарына арналған цифрлық сауаттылық", "Цифровая грамотность для сельских жителей", "Digital literacy for rural residents"),
            new("Дарынды балаларды қолдау", "Поддержка одарённых детей", "Supporting gifted children"),
        ],
        ["SENIOR"] =
        [
            new("Егде жастағы адамдардың белсенді ұзақ өмір сүруі", "Активное долголетие пожилых людей", "Active ageing"),
            new("Жалғыз басты қарттарға әлеуметтік күтім", "Социальный уход за одинокими пожилыми людьми", "Social care for older people living alone"),
            new("Үшінші жас университеті", "Университет третьего возраста", "A university of the third age"),
        ],
        ["SPORT"] =
        [
            new("Бұқаралық спортты дамыту", "Развитие массового спорта", "Developing mass sport"),
            new("Балалар мен жасөспірімдерге арналған аула спорты", "Дворовый спорт для детей и подростков", "Neighbourhood sport for children and teenagers"),
            new("Бейімделген спорт", "Адаптивный спорт", "Adaptive sport"),
        ],
        ["CIVIC"] =
        [
            new("Жергілікті өзін-өзі басқаруды дамыту", "Развитие местного самоуправления", "Developing local self-government"),
            new("Халықтың құқықтық сауаттылығын арттыру", "Повышение правовой грамотности населения", "Improving legal literacy"),
            new("Қоғамдық кеңестерді қолдау", "Поддержка общественных советов", "Supporting public councils"),
        ],
        ["VULNER"] =
        [
            new("Баспанасыз адамдарға көмек", "Помощь людям без определённого места жительства", "Help for homeless people"),
            new("Жазасын өтеген адамдарды әлеуметтік бейімдеу", "Социальная адаптация освободившихся из мест заключения", "Social reintegration of former prisoners"),
            new("Аз қамтылған отбасыларды қолдау", "Поддержка малообеспеченных семей", "Support for low-income families"),
        ],
    };

    private static readonly LocalizedText[] Formats =
    [
        new("еріктілер мектебі", "школа волонтёров", "a volunteer school"),
        new("ақпараттық науқан", "информационная кампания", "an information campaign"),
        new("оқыту семинарлары", "обучающие семинары", "training seminars"),
        new("ресурстық орталық", "ресурсный центр", "a resource centre"),
        new("жылжымалы қызмет", "мобильная служба", "a mobile service"),
        new("жазғы лагерь", "летний лагерь", "a summer camp"),
        new("онлайн-платформа", "онлайн-платформа", "an online platform"),
        new("клубтар желісі", "сеть клубов", "a network of clubs"),
        new("өңірлік форум", "региональный форум", "a regional forum"),
        new("тәлімгерлік бағдарлама", "программа наставничества", "a mentoring programme"),
    ];

    private static readonly LocalizedText[] Groups =
    [
        new("14–29 жастағы жастар", "молодёжь 14–29 лет", "young people aged 14–29"),
        new("балалар мен жасөспірімдер", "дети и подростки", "children and teenagers"),
        new("егде жастағы адамдар", "пожилые люди", "older people"),
        new("мүгедектігі бар адамдар", "люди с инвалидностью", "persons with disabilities"),
        new("ауыл тұрғындары", "сельские жители", "rural residents"),
        new("әйелдер мен қыздар", "женщины и девушки", "women and girls"),
        new("көпбалалы және аз қамтылған отбасылар", "многодетные и малообеспеченные семьи", "large and low-income families"),
        new("мұғалімдер мен ата-аналар", "учителя и родители", "teachers and parents"),
    ];

    private static readonly LocalizedText[] Results =
    [
        new("кемінде 500 қатысушы", "не менее 500 участников", "at least 500 participants"),
        new("20 оқытылған тренер", "20 обученных тренеров", "20 trained trainers"),
        new("3 ресурстық орталықтың ашылуы", "открытие 3 ресурсных центров", "3 resource centres opened"),
        new("екі тілдегі әдістемелік құрал", "методическое пособие на двух языках", "a methodological guide in two languages"),
        new("10 ауылдық округті қамту", "охват 10 сельских округов", "10 rural districts reached"),
        new("1 000 адамға жеке кеңес беру", "индивидуальные консультации для 1 000 человек", "individual advice for 1,000 people"),
    ];

    private static readonly LocalizedText Eligibility = new(
        "Қазақстан Республикасында кемінде бір жыл бұрын тіркелген, салық берешегі жоқ, әлеуметтік жобаларды іске асыру тәжірибесі бар үкіметтік емес ұйымдар қатыса алады.\nБір ұйым осы конкурсқа бір ғана өтінім бере алады.",
        "К участию допускаются неправительственные организации, зарегистрированные в Республике Казахстан не менее одного года, без налоговой задолженности, с опытом реализации социальных проектов.\nОдна организация может подать на конкурс только одну заявку.",
        "Non-governmental organisations registered in the Republic of Kazakhstan for at least one year, with no tax arrears and experience of social projects, may apply.\nAn organisation may submit only one bid to this call.");

    private static readonly (string Question, string Answer)[] Questions =
    [
        ("Можно ли включить в бюджет аренду помещения?", "Да, если аренда непосредственно связана с мероприятиями проекта и подтверждена расчётом."),
        ("Жобаны екі өңірде бірдей іске асыруға бола ма?", "Жоқ, жоба конкурста көрсетілген өңірде іске асырылуы тиіс."),
        ("Нужно ли нотариально заверять копию устава?", "Нет, достаточно скан-копии устава в формате PDF."),
        ("Серіктестердің хаттары міндетті ме?", "Жоқ, серіктестердің хаттары міндетті емес, бірақ сарапшылар ұйымның әлеуетін бағалағанда оларды ескереді."),
    ];

    public static async Task<(int Count, TimeSpan Elapsed)> SeedAsync(IServiceProvider services, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var bodies = await db.StateBodies.AsNoTracking().Select(b => new { b.Id, b.RegionId }).ToListAsync(cancellationToken);
        if (bodies.Count == 0)
        {
            throw new InvalidOperationException("There are no state bodies to publish calls: run with --seed-demo first, or create state bodies in administration.");
        }

        var regions = await db.Regions.AsNoTracking().Select(r => r.Id).ToListAsync(cancellationToken);
        var areas = await db.PriorityAreas.AsNoTracking().Select(a => new { a.Id, a.Code }).ToListAsync(cancellationToken);
        var random = new Random(20270101 + count);
        var started = Stopwatch.GetTimestamp();

        var plans = Enumerable.Range(0, count).Select(_ =>
        {
            var body = bodies[random.Next(bodies.Count)];
            var region = body.RegionId ?? (random.NextDouble() < 0.3 ? null : regions[random.Next(regions.Count)]);
            var area = areas[random.Next(areas.Count)];
            var instrument = random.NextDouble() < 0.6 ? Instrument.StateSocialOrder : Instrument.StateGrant;
            var daysAgo = random.NextDouble() < 0.2 ? random.NextDouble() * 40 : 40 + (random.NextDouble() * 690);
            var publishedAt = now.AddDays(-daysAgo).AddMinutes(-random.Next(0, 600));
            return (Body: body.Id, Region: region, Area: area.Id, AreaCode: area.Code, Instrument: instrument, PublishedAt: publishedAt);
        }).ToList();

        var numbers = await ReserveReferenceNumbersAsync(db, plans.Select(p => (Prefix(p.Instrument), Year(p.PublishedAt))), cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < plans.Count; i++)
        {
            var p = plans[i];
            var reference = numbers[(Prefix(p.Instrument), Year(p.PublishedAt))].Dequeue();
            var call = Build(random, reference, p.Body, p.Region, p.Area, p.AreaCode, p.Instrument, p.PublishedAt, now, out var questions, out var awarded);
            call.ClearDomainEvents();
            db.Calls.Add(call);
            if (awarded)
            {
                // There is no award workflow yet; old closed calls are marked awarded so the catalogue shows that phase.
                db.Entry(call).Property(c => c.Status).CurrentValue = CallStatus.Awarded;
            }

            db.Clarifications.AddRange(questions);
            if ((i + 1) % BatchSize == 0 || i == plans.Count - 1)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        return (count, Stopwatch.GetElapsedTime(started));
    }

    private static Call Build(
        Random random, string reference, StateBodyId body, RegionId? region, PriorityAreaId area, string areaCode, Instrument instrument,
        DateTimeOffset publishedAt, DateTimeOffset now, out List<Clarification> questions, out bool awarded)
    {
        var topic = Pick(random, Topics.GetValueOrDefault(areaCode) ?? Topics["CIVIC"]);
        var format = Pick(random, Formats);
        var group = Pick(random, Groups);
        var result = Pick(random, Results);
        var title = new LocalizedText($"{topic.Kk}: {format.Kk}", $"{topic.Ru}: {format.Ru}", $"{topic.En}: {format.En}");
        var summary = new LocalizedText(
            $"Конкурстың мақсаты — {Lower(topic.Kk)}. Форматы: {format.Kk}. Мақсатты топ: {group.Kk}. Күтілетін нәтижелер: {result.Kk}.",
            $"Цель конкурса — {Lower(topic.Ru)}. Формат: {format.Ru}. Целевая группа: {group.Ru}. Ожидаемые результаты: {result.Ru}.",
            $"The call's aim: {Lower(topic.En!)}. Format: {format.En}. Target group: {group.En}. Expected results: {result.En}.");
        var description = new LocalizedText(
            summary.Kk + "\n\nЖоба аясында іс-шаралар жоспары, мониторинг және қорытынды есеп қарастырылуы тиіс.\nНәтижелер ашық түрде жариялануы керек.",
            summary.Ru + "\n\nПроект должен включать план мероприятий, мониторинг и итоговый отчёт.\nРезультаты проекта публикуются открыто.",
            summary.En + "\n\nThe project must include an activity plan, monitoring and a final report.\nIts results are published openly.");

        var term = (CallTerm)random.Next(3);
        var (minMonths, maxMonths) = CallTerms.MonthsFor(term);
        var months = random.Next(minMonths, maxMonths + 1);
        var budget = random.Next(30, 1500) * 100_000m;
        var maxPerProject = decimal.Round(budget / random.Next(1, 6) / 1000m) * 1000m;
        var yearly = term == CallTerm.Long ? SplitByYear(budget, CallTerms.Years(months)) : [];
        var opensAt = publishedAt.AddDays(random.Next(0, 21)).AddHours(random.Next(0, 8));
        var closesAt = opensAt.AddDays(random.Next(20, 46));

        var content = new CallContent(
            title, summary, description, Eligibility, area, region, instrument, budget, maxPerProject, months, term, yearly, opensAt, closesAt,
            DefaultMethodology.Documents, DefaultMethodology.Criteria, 3, 3m, 60m);
        var call = Call.CreateDraft(reference, body, content, publishedAt.AddDays(-random.Next(1, 10)));
        call.Publish(publishedAt);

        questions = [];
        var midpoint = opensAt + ((closesAt - opensAt) / 2);
        if (random.NextDouble() < 0.08 && midpoint < now)
        {
            var extended = random.NextDouble() < 0.5;
            var newBudget = term == CallTerm.Long || extended ? (decimal?)null : budget + 1_000_000m;
            call.Amend(
                new CallAmendment(
                    new LocalizedText(summary.Kk + " Жоба нәтижелерін ашық деректер түрінде жариялау қосылды.", summary.Ru + " Добавлена публикация результатов в виде открытых данных.", summary.En + " Results are to be published as open data."),
                    null, null, newBudget, null, null, extended ? closesAt.AddDays(7) : null, null),
                "Өтініш берушілердің сұрақтарына байланысты / По вопросам заявителей",
                midpoint,
                5);
        }

        var askedAt = opensAt.AddDays(1);
        if (random.NextDouble() < 0.06 && askedAt < now && askedAt < call.ClosesAt)
        {
            foreach (var (question, answer) in Questions.OrderBy(_ => random.Next()).Take(random.Next(1, 3)))
            {
                var clarification = Clarification.Ask(call, Guid.CreateVersion7(), question, askedAt);
                clarification.AnswerWith(answer, Guid.CreateVersion7(), askedAt.AddDays(2));
                questions.Add(clarification);
            }
        }

        awarded = false;
        if (random.NextDouble() < 0.04 && call.Amendments.Count == 0)
        {
            var cancelledAt = publishedAt.AddDays(random.Next(1, 10));
            if (cancelledAt < now && cancelledAt < call.ClosesAt)
            {
                call.Cancel("Бюджеттік қаражаттың қысқаруына байланысты / В связи с сокращением бюджетных средств", cancelledAt);
            }
        }
        else if (call.ClosesAt < now.AddDays(-90) && random.NextDouble() < 0.6)
        {
            awarded = true;
        }

        return call;
    }

    private static async Task<Dictionary<(string Prefix, int Year), Queue<string>>> ReserveReferenceNumbersAsync(
        AppDbContext db, IEnumerable<(string Prefix, int Year)> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(string, int), Queue<string>>();
        foreach (var group in keys.GroupBy(k => k).OrderBy(g => g.Key.Prefix, StringComparer.Ordinal).ThenBy(g => g.Key.Year))
        {
            var (prefix, year) = group.Key;
            var n = group.Count();

            // One upsert reserves a whole block, so numbers stay unique alongside calls created in the portal.
            var last = (await db.Database.SqlQuery<int>(
                $"""
                INSERT INTO reference_counters (prefix, year, last_value) VALUES ({prefix}, {year}, {n})
                ON CONFLICT (prefix, year) DO UPDATE SET last_value = reference_counters.last_value + {n}
                RETURNING last_value AS "Value"
                """).ToListAsync(cancellationToken))[0];
            result[group.Key] = new Queue<string>(Enumerable.Range(last - n + 1, n).Select(v => $"{prefix}-{year}-{v:0000}"));
        }

        return result;
    }

    private static List<YearlyBudget> SplitByYear(decimal budget, int years)
    {
        var share = decimal.Floor(budget / years / 1000m) * 1000m;
        var list = Enumerable.Range(1, years).Select(y => new YearlyBudget(y, share)).ToList();
        list[^1] = new YearlyBudget(years, budget - (share * (years - 1)));
        return list;
    }

    private static string Prefix(Instrument instrument) => instrument == Instrument.StateGrant ? "SG" : "SSO";

    private static int Year(DateTimeOffset at) => KazakhstanTime.ToLocal(at).Year;

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
