using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.Calls;

public sealed class OnlyDraftCallCanBeEditedRule(CallStatus status) : IBusinessRule
{
    public bool IsBroken() => status != CallStatus.Draft;

    public string MessageKey => "Rule.OnlyDraftCallCanBeEdited";
}

public sealed class CallMustBeCompleteToPublishRule(IReadOnlyList<PublishProblem> problems) : IBusinessRule
{
    public IReadOnlyList<PublishProblem> Problems { get; } = problems;

    public bool IsBroken() => Problems.Count > 0;

    public string MessageKey => "Rule.CallMustBeCompleteToPublish";
}

public sealed class OnlyOpenOrUpcomingCallCanBeAmendedRule(CallPhase phase) : IBusinessRule
{
    public bool IsBroken() => phase is not (CallPhase.Upcoming or CallPhase.Open);

    public string MessageKey => "Rule.OnlyOpenOrUpcomingCallCanBeAmended";
}

public sealed class AmendmentNeedsReasonRule(string? reason) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10;

    public string MessageKey => "Rule.ReasonRequired";
}

public sealed class AmendmentMustChangeSomethingRule(bool changed) : IBusinessRule
{
    public bool IsBroken() => !changed;

    public string MessageKey => "Rule.AmendmentChangesNothing";
}

public sealed class DeadlineCanOnlyBeExtendedRule(DateTimeOffset current, DateTimeOffset requested) : IBusinessRule
{
    public bool IsBroken() => requested < current;

    public string MessageKey => "Rule.DeadlineCanOnlyBeExtended";
}

public sealed class AmendedAmountsMustBeConsistentRule(decimal budget, decimal max, CallTerm term, int duration, IReadOnlyList<YearlyBudget> yearly) : IBusinessRule
{
    public bool IsBroken() => budget <= 0 || max <= 0 || max > budget || Call.YearlyBudgetProblems(term, duration, budget, yearly).Any();

    public string MessageKey => "Rule.AmendedAmountsInconsistent";
}

public sealed class CallCanBeCancelledOnlyBeforeAwardRule(CallStatus status) : IBusinessRule
{
    public bool IsBroken() => status is CallStatus.Awarded or CallStatus.Cancelled;

    public string MessageKey => "Rule.CallCannotBeCancelled";
}

public sealed class AwardOnlyAClosedCallRule(Call call, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => call.PhaseAt(now) != CallPhase.Closed;

    public string MessageKey => "Rule.AwardOnlyClosedCall";
}
