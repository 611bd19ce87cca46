using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.Calls;

public readonly record struct CallId(Guid Value)
{
    public static CallId New() => new(Guid.CreateVersion7());
}

public enum Instrument
{
    StateSocialOrder,
    StateGrant,
}

/// <summary>Short: 3 to 12 months; medium: 13 to 24; long: 25 to 36, with a budget per year.</summary>
public enum CallTerm
{
    Short,
    Medium,
    Long,
}

public enum CallStatus
{
    Draft,
    Published,
    Cancelled,
    Awarded,
}

/// <summary>What a visitor sees: derived from the status and the clock, never stored, so it cannot be late.</summary>
public enum CallPhase
{
    Draft,
    Upcoming,
    Open,
    Closed,
    Awarded,
    Cancelled,
}

public sealed record Criterion(string Code, LocalizedText Name, LocalizedText Guidance, int MaxPoints, decimal Weight, int? MinPoints);

public sealed record RequiredDocument(LocalizedText Name, bool IsMandatory, string AllowedTypes);

public sealed record YearlyBudget(int Year, decimal Amount);

public sealed record Amendment(int Number, DateTimeOffset At, string Reason, IReadOnlyList<string> Changes, DateTimeOffset? PreviousClosesAt, DateTimeOffset? NewClosesAt);

/// <summary>A problem that stops a draft from being published; the field names the form field.</summary>
public sealed record PublishProblem(string Code, string? Field = null, object? Arg = null);

public static class CallTerms
{
    public static (int Min, int Max) MonthsFor(CallTerm term) => term switch
    {
        CallTerm.Short => (3, 12),
        CallTerm.Medium => (13, 24),
        _ => (25, 36),
    };

    public static int Years(int durationMonths) => (int)Math.Ceiling(durationMonths / 12.0);
}

/// <summary>The methodology that ships with the portal: six criteria, weights adding up to 100.</summary>
public static class DefaultMethodology
{
    public static IReadOnlyList<Criterion> Criteria { get; } =
    [
        new("REL", new("Өзектілік және мақсатты топтың қажеттіліктері", "Актуальность и потребности целевой группы", "Relevance and the target group's needs"),
            new("Мәселе дәлелмен сипатталған ба, мақсатты топ нақты ма, жоба конкурстың басым бағытына сай ма?", "Обоснована ли проблема данными, чётко ли определена целевая группа, соответствует ли проект приоритету конкурса?", "Is the problem evidenced, the target group clear, and the project in line with the call's priority?"),
            10, 25m, 4),
        new("PLAN", new("Жоспардың орындалуы", "Реалистичность плана", "Feasibility of the plan"),
            new("Іс-шаралар мақсаттарға жетелей ме, мерзімдері мен жауаптылары шынайы ма?", "Ведут ли мероприятия к целям, реалистичны ли сроки и ответственные?", "Do the activities lead to the objectives; are timelines and responsibilities realistic?"),
            10, 20m, null),
        new("BUDG", new("Бюджеттің негізділігі", "Обоснованность бюджета", "Budget justification"),
            new("Шығындар іс-шараларға сәйкес пе, бағалар нарықтық па, артық шығын жоқ па?", "Соответствуют ли расходы мероприятиям, рыночны ли цены, нет ли лишних затрат?", "Do costs match the activities, are prices at market level, is nothing superfluous?"),
            10, 20m, null),
        new("CAP", new("Ұйымның әлеуеті", "Потенциал организации", "Organisation's capacity"),
            new("Ұйымның тәжірибесі, командасы және серіктестері жобаны жүзеге асыруға жеткілікті ме?", "Достаточно ли опыта, команды и партнёров организации для реализации проекта?", "Are the organisation's experience, team and partners sufficient to deliver the project?"),
            10, 15m, null),
        new("SUST", new("Тұрақтылық", "Устойчивость", "Sustainability"),
            new("Нәтижелер жоба аяқталғаннан кейін сақтала ма?", "Сохранятся ли результаты после окончания финансирования?", "Will the results last after the funding ends?"),
            10, 10m, null),
        new("IND", new("Нәтижелер мен индикаторлар", "Результаты и индикаторы", "Results and indicators"),
            new("Индикаторлар өлшенетін бе, бастапқы және мақсатты мәндері бар ма?", "Измеримы ли индикаторы, указаны ли базовые и целевые значения?", "Are the indicators measurable, with baselines and targets?"),
            10, 10m, null),
    ];

    public static IReadOnlyList<RequiredDocument> Documents { get; } =
    [
        new(new("Жарғының көшірмесі", "Копия устава", "Copy of the charter"), true, "pdf"),
        new(new("Жобаның бюджеті (толық есеп)", "Бюджет проекта (подробный расчёт)", "Project budget (detailed)"), true, "pdf,xlsx"),
        new(new("Серіктестердің хаттары", "Письма партнёров", "Partners' letters"), false, "pdf,jpg,png"),
    ];

    /// <summary>The maximum weighted total of a methodology and the factor that scales it to 100.</summary>
    public static (decimal MaxWeighted, decimal ScaleTo100) Scale(IEnumerable<Criterion> criteria)
    {
        var max = criteria.Sum(c => c.MaxPoints * c.Weight);
        return (max, max == 0 ? 0 : 100m / max);
    }
}
