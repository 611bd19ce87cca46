using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Agreements;

namespace SocialOrder.Infrastructure.Pdf;

/// <summary>The agreement PDF's words in Kazakh and in Russian.</summary>
internal sealed class AgreementPdfText
{
    public static AgreementPdfText For(ProtocolLanguage language) => language == ProtocolLanguage.Kk ? Kk : Ru;

    public required string Culture { get; init; }
    public required string Portal { get; init; }
    public required string Title { get; init; }
    public required string Subtitle { get; init; }
    public required string Scan { get; init; }
    public required string IssuedAt { get; init; }
    public required string Call { get; init; }
    public required string Protocol { get; init; }
    public required string StateBody { get; init; }
    public required string Organization { get; init; }
    public required string Bin { get; init; }
    public required string Head { get; init; }
    public required string Project { get; init; }
    public required string Term { get; init; }
    public required Func<int, string> Months { get; init; }
    public required string Amount { get; init; }
    public required Func<int, string> ProjectYear { get; init; }
    public required string PaymentSection { get; init; }
    public required string ReportingSection { get; init; }
    public required string ActivitiesSection { get; init; }
    public required string IndicatorsSection { get; init; }
    public required string BudgetSection { get; init; }
    public required string Category { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyDictionary<Domain.Bids.BudgetCategory, string> Categories { get; init; }
    public required string Number { get; init; }
    public required string Kind { get; init; }
    public required string Year { get; init; }
    public required string Date { get; init; }
    public required string Sum { get; init; }
    public required string Condition { get; init; }
    public required string OnAcceptance { get; init; }
    public required Func<int, string> AfterReport { get; init; }
    public required string Activity { get; init; }
    public required string MonthsColumn { get; init; }
    public required string Indicator { get; init; }
    public required string Baseline { get; init; }
    public required string Target { get; init; }
    public required string None { get; init; }
    public required string Signatures { get; init; }
    public required string ForStateBody { get; init; }
    public required string ForOrganization { get; init; }
    public required string AcceptedOnPortal { get; init; }
    public required string Hash { get; init; }
    public required string Verification { get; init; }
    public required Func<int, int, string> Page { get; init; }
    public required IReadOnlyDictionary<TrancheKind, string> TrancheKinds { get; init; }
    public required IReadOnlyDictionary<ReportKind, string> ReportKinds { get; init; }

    private static readonly AgreementPdfText Kk = new()
    {
        Culture = "kk",
        Portal = "SocialOrder · Мемлекеттік әлеуметтік тапсырыс порталы",
        Title = "Шарт",
        Subtitle = "әлеуметтік жобаны іске асыруға арналған",
        Scan = "Тексеру",
        IssuedAt = "Берілген күні",
        Call = "Конкурс",
        Protocol = "Конкурс комиссиясының хаттамасы",
        StateBody = "Мемлекеттік орган",
        Organization = "Ұйым",
        Bin = "БСН",
        Head = "Басшы",
        Project = "Жоба",
        Term = "Іске асыру мерзімі",
        Months = m => $"{m} ай",
        Amount = "Шарт сомасы",
        ProjectYear = y => $"{y}-жыл",
        PaymentSection = "Төлем кестесі (транштар)",
        ReportingSection = "Есептілік кестесі",
        ActivitiesSection = "Іс-шаралар",
        IndicatorsSection = "Көрсеткіштер",
        BudgetSection = "Бюджет баптары",
        Category = "Санат",
        Description = "Сипаттама",
        Categories = new Dictionary<Domain.Bids.BudgetCategory, string>
        {
            [Domain.Bids.BudgetCategory.Staff] = "Еңбекақы", [Domain.Bids.BudgetCategory.Services] = "Қызметтер", [Domain.Bids.BudgetCategory.Materials] = "Материалдар",
            [Domain.Bids.BudgetCategory.Travel] = "Іссапарлар", [Domain.Bids.BudgetCategory.Other] = "Басқа",
        },
        Number = "№",
        Kind = "Түрі",
        Year = "Жыл",
        Date = "Күні",
        Sum = "Сома",
        Condition = "Шарты",
        OnAcceptance = "шарт қабылданғаннан кейін",
        AfterReport = n => $"№ {n} есеп қабылданғаннан кейін",
        Activity = "Іс-шара",
        MonthsColumn = "Айлар",
        Indicator = "Көрсеткіш",
        Baseline = "Бастапқы мәні",
        Target = "Мақсатты мәні",
        None = "жоқ",
        Signatures = "Тараптар",
        ForStateBody = "Мемлекеттік орган атынан",
        ForOrganization = "Ұйым атынан",
        AcceptedOnPortal = "Ұйым шартты порталда қабылдайды; қабылдау уақыты мен тұлғасы порталда тіркеледі.",
        Hash = "Шарт деректерінің SHA-256 хэші",
        Verification = "Шартты портал қалыптастырды. Конкурс нәтижелері:",
        Page = (i, n) => $"Бет {i} / {n}",
        TrancheKinds = new Dictionary<TrancheKind, string> { [TrancheKind.Advance] = "Аванс", [TrancheKind.Interim] = "Аралық", [TrancheKind.Final] = "Қорытынды" },
        ReportKinds = new Dictionary<ReportKind, string> { [ReportKind.Interim] = "Аралық есеп", [ReportKind.Annual] = "Жылдық есеп", [ReportKind.Final] = "Қорытынды есеп" },
    };

    private static readonly AgreementPdfText Ru = new()
    {
        Culture = "ru",
        Portal = "SocialOrder · Портал государственного социального заказа",
        Title = "Договор",
        Subtitle = "на реализацию социального проекта",
        Scan = "Проверка",
        IssuedAt = "Дата выдачи",
        Call = "Конкурс",
        Protocol = "Протокол конкурсной комиссии",
        StateBody = "Государственный орган",
        Organization = "Организация",
        Bin = "БИН",
        Head = "Руководитель",
        Project = "Проект",
        Term = "Срок реализации",
        Months = m => $"{m} мес.",
        Amount = "Сумма договора",
        ProjectYear = y => $"{y}-й год",
        PaymentSection = "График платежей (транши)",
        ReportingSection = "График отчётности",
        ActivitiesSection = "Мероприятия",
        IndicatorsSection = "Показатели",
        BudgetSection = "Статьи бюджета",
        Category = "Категория",
        Description = "Описание",
        Categories = new Dictionary<Domain.Bids.BudgetCategory, string>
        {
            [Domain.Bids.BudgetCategory.Staff] = "Оплата труда", [Domain.Bids.BudgetCategory.Services] = "Услуги", [Domain.Bids.BudgetCategory.Materials] = "Материалы",
            [Domain.Bids.BudgetCategory.Travel] = "Командировки", [Domain.Bids.BudgetCategory.Other] = "Прочее",
        },
        Number = "№",
        Kind = "Вид",
        Year = "Год",
        Date = "Дата",
        Sum = "Сумма",
        Condition = "Условие",
        OnAcceptance = "после принятия договора",
        AfterReport = n => $"после принятия отчёта № {n}",
        Activity = "Мероприятие",
        MonthsColumn = "Месяцы",
        Indicator = "Показатель",
        Baseline = "Исходное значение",
        Target = "Целевое значение",
        None = "нет",
        Signatures = "Стороны",
        ForStateBody = "От государственного органа",
        ForOrganization = "От организации",
        AcceptedOnPortal = "Организация принимает договор на портале; время и лицо, принявшее договор, фиксируются порталом.",
        Hash = "SHA-256 данных договора",
        Verification = "Договор сформирован порталом. Итоги конкурса:",
        Page = (i, n) => $"Стр. {i} / {n}",
        TrancheKinds = new Dictionary<TrancheKind, string> { [TrancheKind.Advance] = "Аванс", [TrancheKind.Interim] = "Промежуточный", [TrancheKind.Final] = "Итоговый" },
        ReportKinds = new Dictionary<ReportKind, string> { [ReportKind.Interim] = "Промежуточный отчёт", [ReportKind.Annual] = "Годовой отчёт", [ReportKind.Final] = "Итоговый отчёт" },
    };
}
