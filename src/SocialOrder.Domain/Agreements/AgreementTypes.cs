using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.Agreements;

public readonly record struct AgreementId(Guid Value)
{
    public static AgreementId New() => new(Guid.CreateVersion7());
}

public enum AgreementStatus
{
    Draft,
    Issued,
    Accepted,
    Completed,
    Terminated,
}

public enum TrancheKind
{
    Advance,
    Interim,
    Final,
}

public enum TrancheStatus
{
    Planned,
    Paid,
    Cancelled,
}

public enum ReportKind
{
    Interim,
    Annual,
    Final,
}

/// <summary>Who signs for each side, as they were when the agreement was drafted; later renames do not change it.</summary>
public sealed record AgreementParties(LocalizedText StateBodyName, string StateBodyBin, LocalizedText OrganizationName, string OrganizationBin, string OrganizationHead);

/// <summary>The project term: whole months from the first day; the end is the last day of the last month.</summary>
public sealed record AgreementTerm(DateOnly Start, DateOnly End, int Months)
{
    public static AgreementTerm Starting(DateOnly start, int months) => new(start, start.AddMonths(months).AddDays(-1), months);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>Project year 1 starts on the first day; year N on the same day N-1 years later.</summary>
    public int YearOf(DateOnly date) => Math.Max(1, ((date.Year - Start.Year) * 12 + date.Month - Start.Month - (date.Day < Start.Day ? 1 : 0)) / 12 + 1);
}

public sealed record YearAmount(int Year, decimal Amount);

public sealed record AgreementActivity(string Name, int StartMonth, int EndMonth);

public sealed record AgreementIndicator(string Name, string Baseline, string Target);

/// <summary>A line of the budget, copied from the bid when drafting: the financial report is made against these lines.</summary>
public sealed record AgreementBudgetLine(int Year, Bids.BudgetCategory Category, string Description, decimal Amount);

/// <summary>A reporting date: numbered from 1; tranches name the report whose acceptance releases them.</summary>
public sealed record ReportingPoint(int Number, ReportKind Kind, int Year, DateOnly DueOn, DateTimeOffset? AcceptedAt = null, Guid? AcceptedBy = null)
{
    public bool IsAccepted => AcceptedAt is not null;
}

/// <summary>A recorded payment against one tranche.</summary>
public sealed record TranchePayment(DateOnly PaidOn, decimal Amount, string PaymentOrderNumber, DateTimeOffset RecordedAt, Guid RecordedBy);

/// <summary>
/// One instalment of the payment schedule. An advance is released by the organization's acceptance of the agreement;
/// an interim or final tranche by the acceptance of the report it names.
/// </summary>
public sealed record Tranche(int Number, TrancheKind Kind, int Year, DateOnly PlannedOn, decimal Amount, int? AfterReport, TrancheStatus Status = TrancheStatus.Planned, TranchePayment? Payment = null)
{
    public bool IsPaid => Status == TrancheStatus.Paid;
}

/// <summary>A row of the payment schedule as the official edits it.</summary>
public sealed record TranchePlan(TrancheKind Kind, int Year, DateOnly PlannedOn, decimal Amount, int? AfterReport);

/// <summary>A row of the reporting schedule as the official edits it; numbers follow the order of the rows.</summary>
public sealed record ReportPlan(ReportKind Kind, int Year, DateOnly DueOn);

/// <summary>A problem with one row of an edited schedule; the field names the form field of that row.</summary>
public sealed record ScheduleProblem(string Code, string Field, object? Arg = null);
