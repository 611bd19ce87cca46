using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Domain.Agreements;

public sealed class AgreementNeedsALockedDecisionRule(DecisionStatus status) : IBusinessRule
{
    public bool IsBroken() => status != DecisionStatus.Locked;

    public string MessageKey => "Agreement.DecisionNotLocked";
}

public sealed class AgreementOnlyForAFundedBidRule(DecisionLine? line) : IBusinessRule
{
    public bool IsBroken() => line is null || line.Outcome != AwardOutcome.Awarded || line.Amount <= 0;

    public string MessageKey => "Agreement.BidNotFunded";
}

public sealed class SchedulesChangeOnlyInDraftRule(AgreementStatus status) : IBusinessRule
{
    public bool IsBroken() => status != AgreementStatus.Draft;

    public string MessageKey => "Agreement.SchedulesOnlyInDraft";
}

public sealed class ScheduleMustBeValidRule(IReadOnlyList<ScheduleProblem> problems) : IBusinessRule
{
    public IReadOnlyList<ScheduleProblem> Problems { get; } = problems;

    public bool IsBroken() => Problems.Count > 0;

    public string MessageKey => Problems.Count > 0 ? Problems[0].Code : "Agreement.ScheduleInvalid";
}

public sealed class OnlyADraftIsIssuedRule(AgreementStatus status) : IBusinessRule
{
    public bool IsBroken() => status != AgreementStatus.Draft;

    public string MessageKey => "Agreement.OnlyDraftIssued";
}

public sealed class OnlyTheOrganizationAdministratorAcceptsRule(bool isAdministrator) : IBusinessRule
{
    public bool IsBroken() => !isAdministrator;

    public string MessageKey => "Agreement.OnlyAdministratorAccepts";
}

public sealed class OnlyAnIssuedAgreementIsAcceptedRule(AgreementStatus status) : IBusinessRule
{
    public bool IsBroken() => status != AgreementStatus.Issued;

    public string MessageKey => "Agreement.OnlyIssuedAccepted";
}

public sealed class NothingHappensOnATerminatedAgreementRule(AgreementStatus status) : IBusinessRule
{
    public bool IsBroken() => status == AgreementStatus.Terminated;

    public string MessageKey => "Agreement.Terminated";
}

public sealed class ACompletedAgreementIsNotTerminatedRule(AgreementStatus status) : IBusinessRule
{
    public bool IsBroken() => status == AgreementStatus.Completed;

    public string MessageKey => "Agreement.Completed";
}

public sealed class ReportsAreAcceptedOnAnAcceptedAgreementRule(AgreementStatus status) : IBusinessRule
{
    public bool IsBroken() => status != AgreementStatus.Accepted;

    public string MessageKey => "Agreement.NotInImplementation";
}

public sealed class ReportMustBeInTheScheduleRule(ReportingPoint? report) : IBusinessRule
{
    public bool IsBroken() => report is null;

    public string MessageKey => "Agreement.UnknownReport";
}

public sealed class ReportIsAcceptedOnceRule(ReportingPoint report) : IBusinessRule
{
    public bool IsBroken() => report.IsAccepted;

    public string MessageKey => "Agreement.ReportAlreadyAccepted";
}

public sealed class TrancheMustBeInTheScheduleRule(Tranche? tranche) : IBusinessRule
{
    public bool IsBroken() => tranche is null;

    public string MessageKey => "Error.NotFound";
}

public sealed class TrancheIsPaidOnceRule(Tranche tranche) : IBusinessRule
{
    public bool IsBroken() => tranche.Status != TrancheStatus.Planned;

    public string MessageKey => tranche.Status == TrancheStatus.Cancelled ? "Agreement.TrancheCancelled" : "Agreement.TrancheAlreadyPaid";
}

public sealed class TrancheIsPaidWhenItsConditionHoldsRule(bool payable) : IBusinessRule
{
    public bool IsBroken() => !payable;

    public string MessageKey => "Agreement.TrancheNotPayable";
}

public sealed class PaymentNeedsAPositiveAmountRule(decimal amount) : IBusinessRule
{
    public bool IsBroken() => amount <= 0;

    public string MessageKey => "Agreement.PaymentAmountPositive";
}

public sealed class PaidNeverExceedsTheYearRule(decimal paidInYear, decimal amount, decimal yearAmount) : IBusinessRule
{
    public bool IsBroken() => paidInYear + amount > yearAmount;

    public string MessageKey => "Agreement.PaymentAboveYear";
}

public sealed class PaidNeverExceedsTheAgreementRule(decimal paid, decimal amount, decimal total) : IBusinessRule
{
    public bool IsBroken() => paid + amount > total;

    public string MessageKey => "Agreement.PaymentAboveTotal";
}

public sealed class PaymentNeverExceedsTheTrancheRule(decimal amount, decimal trancheAmount) : IBusinessRule
{
    public bool IsBroken() => amount > trancheAmount;

    public string MessageKey => "Agreement.PaymentAboveTranche";
}

/// <summary>A payment is dated within the term, and not before the organization accepted the agreement.</summary>
public sealed class PaymentDateWithinTermRule(AgreementTerm term, DateOnly paidOn, DateTimeOffset? acceptedAt) : IBusinessRule
{
    public bool IsBroken() =>
        paidOn > term.End || (acceptedAt is { } a && paidOn < DateOnly.FromDateTime(KazakhstanTime.ToLocal(a).Date));

    public string MessageKey => "Agreement.PaymentDateOutsideTerm";
}

public sealed class PaymentOrderNumberIsRequiredRule(string? number) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(number) || number.Trim().Length > 50;

    public string MessageKey => "Agreement.PaymentOrderRequired";
}

public sealed class TerminationNeedsAReasonRule(string? reason) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10;

    public string MessageKey => "Agreement.TerminationNeedsReason";
}
