using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Calls;

namespace SocialOrder.Infrastructure.Pdf;

/// <summary>The fixed wording of the award protocol in one language. Numbers are formatted by the layout.</summary>
internal sealed class AwardProtocolText
{
    public static AwardProtocolText For(ProtocolLanguage language) => language switch
    {
        ProtocolLanguage.Kk => Kk,
        ProtocolLanguage.Ru => Ru,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "The protocol is issued in Kazakh or Russian."),
    };

    public required string Culture { get; init; }
    public required string Portal { get; init; }
    public required Func<string, string, string> Title { get; init; }

    /// <summary>The line under the title of a protocol issued again after its decision was reopened (version 2 onwards).</summary>
    public required Func<int, string> Version { get; init; }
    /// <summary>What the commission met about: the wording follows the call's instrument (state social order or state grant).</summary>
    public required Func<Instrument, string> Subtitle { get; init; }
    public required string DocumentTitle { get; init; }
    public required Func<int, int, string> Page { get; init; }

    public required string CallSection { get; init; }
    public required string CallReference { get; init; }
    public required string CallTitle { get; init; }
    public required string Budget { get; init; }
    public required string DecidedAt { get; init; }

    public required string CommissionSection { get; init; }
    public required string FullName { get; init; }
    public required string Role { get; init; }
    public required string Attendance { get; init; }
    public required string Chair { get; init; }
    public required string Secretary { get; init; }
    public required string Member { get; init; }
    public required string Observer { get; init; }
    public required string Present { get; init; }
    public required string Absent { get; init; }
    public required Func<int, int, int, string> QuorumCount { get; init; }
    public required string QuorumMet { get; init; }
    public required string QuorumNotMet { get; init; }

    public required string BidsSection { get; init; }
    public required string BidsReceived { get; init; }
    public required string BidsWithdrawn { get; init; }
    public required string BidsIneligible { get; init; }
    public required string BidsEvaluated { get; init; }
    public required string IneligibleHeading { get; init; }
    public required string ReceiptNumber { get; init; }
    public required string Organization { get; init; }
    public required string Bin { get; init; }
    public required string Reason { get; init; }

    public required string EvaluationSection { get; init; }
    public required string EvaluationNote { get; init; }
    public required string Rank { get; init; }
    public required string Requested { get; init; }
    public required string Total { get; init; }
    public required string Flags { get; init; }
    public required string Outcome { get; init; }
    public required string CriteriaLegend { get; init; }
    public required Func<string, string, string, string, string> Criterion { get; init; }
    public required string NoneEvaluated { get; init; }

    public required string WinnersSection { get; init; }
    public required string AwardedAmount { get; init; }
    public required string TotalAwarded { get; init; }
    public required string BudgetLeft { get; init; }
    public required string NoWinners { get; init; }

    public required string ReserveSection { get; init; }
    public required string NoReserve { get; init; }

    public required string JustificationSection { get; init; }
    public required string Justification { get; init; }
    public required string NoJustifications { get; init; }

    public required string DissentSection { get; init; }
    public required string NoDissents { get; init; }

    public required string SignatureSection { get; init; }
    public required string ChairSigns { get; init; }
    public required string SecretarySigns { get; init; }
    public required string MemberSigns { get; init; }
    public required string SignatureCaption { get; init; }

    public required string VerificationSection { get; init; }
    public required string DecisionHash { get; init; }
    public required string VerificationHint { get; init; }
    public required string Scan { get; init; }

    public required string AuditHead { get; init; }

    public required string None { get; init; }
    public required IReadOnlyDictionary<string, string> FlagNames { get; init; }
    public required IReadOnlyDictionary<ProtocolOutcome, string> OutcomeNames { get; init; }

    public string RoleName(ProtocolMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var role = member.Role switch
        {
            ProtocolMemberRole.Chair => Chair,
            ProtocolMemberRole.Secretary => Secretary,
            _ => Member,
        };
        return member.IsObserver ? $"{role}, {Observer}" : role;
    }

    /// <summary>A known flag by its short label; an unknown one as it is, so nothing is silently dropped.</summary>
    public string FlagName(string flag) => FlagNames.TryGetValue(flag, out var name) ? name : flag;

    private static readonly AwardProtocolText Kk = new()
    {
        Culture = "kk",
        Portal = "Мемлекеттік әлеуметтік тапсырыс порталы",
        Title = (number, date) => $"{date} ж. № {number} хаттама",
        Version = v => $"{v}-нұсқа: шешім шағым бойынша қайта қаралды",
        Subtitle = instrument => instrument == Instrument.StateGrant
            ? "Мемлекеттік гранттар беру конкурсының қорытындысын шығару жөніндегі конкурстық комиссия отырысы"
            : "Мемлекеттік әлеуметтік тапсырыс конкурсының қорытындысын шығару жөніндегі конкурстық комиссия отырысы",
        DocumentTitle = "Хаттама",
        Page = (page, pages) => $"{page} / {pages} бет",

        CallSection = "Конкурс туралы мәліметтер",
        CallReference = "Конкурс нөмірі",
        CallTitle = "Конкурс атауы",
        Budget = "Конкурс бюджеті",
        DecidedAt = "Шешім қабылданған уақыт",

        CommissionSection = "Конкурстық комиссияның құрамы",
        FullName = "Аты-жөні",
        Role = "Рөлі",
        Attendance = "Қатысуы",
        Chair = "Төраға",
        Secretary = "Хатшы",
        Member = "Комиссия мүшесі",
        Observer = "Бақылаушы (Қоғамдық кеңес)",
        Present = "Қатысты",
        Absent = "Қатыспады",
        QuorumCount = (present, members, required) =>
            $"Отырысқа комиссияның {members} мүшесінің {present} мүшесі қатысты (кворум үшін кемінде {required} мүше қажет).",
        QuorumMet = "Кворум бар.",
        QuorumNotMet = "Кворум жоқ.",

        BidsSection = "Өтінімдерді қарау",
        BidsReceived = "Келіп түскен өтінімдер",
        BidsWithdrawn = "Өтініш берушілер кері қайтарып алған өтінімдер",
        BidsIneligible = "Талаптарға сәйкес келмейді деп танылған өтінімдер",
        BidsEvaluated = "Бағаланған өтінімдер",
        IneligibleHeading = "Талаптарға сәйкес келмейді деп танылған өтінімдер",
        ReceiptNumber = "Түбіртек нөмірі",
        Organization = "Ұйым",
        Bin = "БСН",
        Reason = "Себебі",

        EvaluationSection = "Өтінімдерді бағалау нәтижелері (рейтинг)",
        EvaluationNote = "Кестеде сарапшылардың критерийлер бойынша орташа балдары көрсетілген; өтінімдер рейтингтегі орны бойынша орналастырылған.",
        Rank = "Орны",
        Requested = "Сұралған сома",
        Total = "Жиынтық балл",
        Flags = "Белгілер",
        Outcome = "Шешім",
        CriteriaLegend = "Критерийлер:",
        Criterion = (code, name, weight, max) => $"{code} — {name} (салмағы: {weight}; ең жоғары балл: {max})",
        NoneEvaluated = "Бағаланған өтінімдер жоқ.",

        WinnersSection = "Конкурс жеңімпаздары",
        AwardedAmount = "Бөлінген сома",
        TotalAwarded = "Барлығы бөлінді",
        BudgetLeft = "Бюджет қалдығы",
        NoWinners = "Жеңімпаздар анықталған жоқ.",

        ReserveSection = "Резервтік тізім",
        NoReserve = "Резервтік тізім жасалған жоқ.",

        JustificationSection = "Сұралған соманы өзгерту негіздемесі",
        Justification = "Негіздеме",
        NoJustifications = "Сұралған сомалар өзгертілген жоқ.",

        DissentSection = "Комиссия мүшелерінің ерекше пікірлері",
        NoDissents = "Ерекше пікірлер білдірілген жоқ.",

        SignatureSection = "Комиссия мүшелерінің қолдары",
        ChairSigns = "Комиссия төрағасы",
        SecretarySigns = "Комиссия хатшысы",
        MemberSigns = "Комиссия мүшесі",
        SignatureCaption = "(қолы)",

        VerificationSection = "Түпнұсқалықты тексеру",
        DecisionHash = "Комиссия шешімінің SHA-256 хэші:",
        VerificationHint = "Хаттаманың түпнұсқалығын QR-код арқылы немесе мына мекенжай бойынша тексеруге болады:",
        Scan = "Тексеру",
        AuditHead = "Бекіту сәтіндегі аудит тізбегінің басы:",

        None = "Жоқ.",
        FlagNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Divergent"] = "Бағалар алшақ",
            ["Reconciled"] = "Келісілген",
            ["BelowCriterionMinimum"] = "Критерий шегінен төмен",
            ["BelowOverallMinimum"] = "Жалпы шектен төмен",
        },
        OutcomeNames = new Dictionary<ProtocolOutcome, string>
        {
            [ProtocolOutcome.Awarded] = "Жеңімпаз",
            [ProtocolOutcome.Reserve] = "Резерв",
            [ProtocolOutcome.NotAwarded] = "Қолдау таппады",
        },
    };

    private static readonly AwardProtocolText Ru = new()
    {
        Culture = "ru",
        Portal = "Портал государственного социального заказа",
        Title = (number, date) => $"Протокол № {number} от {date}",
        Version = v => $"Версия {v}: решение пересмотрено по жалобе",
        Subtitle = instrument => instrument == Instrument.StateGrant
            ? "заседания конкурсной комиссии по подведению итогов конкурса на предоставление государственных грантов"
            : "заседания конкурсной комиссии по подведению итогов конкурса государственного социального заказа",
        DocumentTitle = "Протокол",
        Page = (page, pages) => $"Страница {page} из {pages}",

        CallSection = "Сведения о конкурсе",
        CallReference = "Номер конкурса",
        CallTitle = "Наименование конкурса",
        Budget = "Бюджет конкурса",
        DecidedAt = "Время принятия решения",

        CommissionSection = "Состав конкурсной комиссии",
        FullName = "Ф. И. О.",
        Role = "Роль",
        Attendance = "Участие",
        Chair = "Председатель",
        Secretary = "Секретарь",
        Member = "Член комиссии",
        Observer = "Наблюдатель (Общественный совет)",
        Present = "Присутствовал(а)",
        Absent = "Отсутствовал(а)",
        QuorumCount = (present, members, required) =>
            $"На заседании присутствуют {present} из {members} членов комиссии (для кворума необходимо не менее {required}).",
        QuorumMet = "Кворум имеется.",
        QuorumNotMet = "Кворум отсутствует.",

        BidsSection = "Рассмотрение заявок",
        BidsReceived = "Поступило заявок",
        BidsWithdrawn = "Отозвано заявителями",
        BidsIneligible = "Признано не соответствующими требованиям",
        BidsEvaluated = "Оценено заявок",
        IneligibleHeading = "Заявки, признанные не соответствующими требованиям",
        ReceiptNumber = "Номер квитанции",
        Organization = "Организация",
        Bin = "БИН",
        Reason = "Причина",

        EvaluationSection = "Результаты оценки заявок (рейтинг)",
        EvaluationNote = "В таблице указаны средние баллы экспертов по критериям; заявки расположены по месту в рейтинге.",
        Rank = "Место",
        Requested = "Запрошенная сумма",
        Total = "Итоговый балл",
        Flags = "Отметки",
        Outcome = "Решение",
        CriteriaLegend = "Критерии:",
        Criterion = (code, name, weight, max) => $"{code} — {name} (вес: {weight}; максимальный балл: {max})",
        NoneEvaluated = "Оценённых заявок нет.",

        WinnersSection = "Победители конкурса",
        AwardedAmount = "Присуждённая сумма",
        TotalAwarded = "Всего присуждено",
        BudgetLeft = "Остаток бюджета",
        NoWinners = "Победители не определены.",

        ReserveSection = "Резервный список",
        NoReserve = "Резервный список не сформирован.",

        JustificationSection = "Обоснование изменения запрошенных сумм",
        Justification = "Обоснование",
        NoJustifications = "Запрошенные суммы не изменялись.",

        DissentSection = "Особые мнения членов комиссии",
        NoDissents = "Особых мнений не заявлено.",

        SignatureSection = "Подписи членов комиссии",
        ChairSigns = "Председатель комиссии",
        SecretarySigns = "Секретарь комиссии",
        MemberSigns = "Член комиссии",
        SignatureCaption = "(подпись)",

        VerificationSection = "Проверка подлинности",
        DecisionHash = "Хэш SHA-256 решения комиссии:",
        VerificationHint = "Подлинность протокола можно проверить по QR-коду или по адресу:",
        Scan = "Проверка",
        AuditHead = "Вершина цепочки аудита на момент фиксации:",

        None = "Нет.",
        FlagNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Divergent"] = "Расхождение оценок",
            ["Reconciled"] = "Согласовано",
            ["BelowCriterionMinimum"] = "Ниже порога критерия",
            ["BelowOverallMinimum"] = "Ниже общего порога",
        },
        OutcomeNames = new Dictionary<ProtocolOutcome, string>
        {
            [ProtocolOutcome.Awarded] = "Победитель",
            [ProtocolOutcome.Reserve] = "Резерв",
            [ProtocolOutcome.NotAwarded] = "Не поддержана",
        },
    };
}
