using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Domain.Awards;

public sealed class LockedDecisionNeverChangesRule(DecisionStatus status) : IBusinessRule
{
    public bool IsBroken() => status == DecisionStatus.Locked;

    public string MessageKey => "Rule.DecisionLocked";
}

public sealed class CommissionMustBeWellFormedRule(IReadOnlyList<CommissionMember> members, decimal quorum) : IBusinessRule
{
    public bool IsBroken() =>
        members.Count == 0 || members.Select(m => m.UserId).Distinct().Count() != members.Count ||
        members.Count(m => m.Role == CommissionRole.Chair) > 1 || members.Count(m => m.Role == CommissionRole.Secretary) > 1 ||
        quorum is <= 0m or > 1m;

    public string MessageKey => "Rule.CommissionMalformed";
}

public sealed class OnlyTheSecretaryChangesTheDecisionRule(IReadOnlyList<CommissionMember> members, Guid userId) : IBusinessRule
{
    public bool IsBroken() => !members.Any(m => m.UserId == userId && m.Role == CommissionRole.Secretary);

    public string MessageKey => "Rule.OnlySecretaryChanges";
}

public sealed class UnknownBidInDecisionRule : IBusinessRule
{
    public bool IsBroken() => true;

    public string MessageKey => "Error.NotFound";
}

public sealed class AwardedAmountWithinRequestRule(DecisionLine line) : IBusinessRule
{
    public bool IsBroken() => line.Amount < 0 || line.Amount > line.Requested || (line.Outcome == AwardOutcome.Awarded && line.Amount <= 0);

    public string MessageKey => "Rule.AmountAboveRequest";
}

public sealed class ChangeNeedsJustificationRule(DecisionLine line) : IBusinessRule
{
    public bool IsBroken() => line.Changed && (line.Justification is null || line.Justification.Length < 10);

    public string MessageKey => "Rule.ChangeNeedsJustification";
}

public sealed class UnfundableBidIsNotAwardedRule(DecisionLine line) : IBusinessRule
{
    public bool IsBroken() => !line.Fundable && line.Outcome != AwardOutcome.NotAwarded;

    public string MessageKey => "Rule.UnfundableNotAwarded";
}

public sealed class DissentByAMemberRule : IBusinessRule
{
    public bool IsBroken() => true;

    public string MessageKey => "Rule.DissentByMember";
}

public sealed class DissentNeedsTextRule(string? text) : IBusinessRule
{
    public bool IsBroken() => text is null || text.Trim().Length < 10;

    public string MessageKey => "Rule.DissentNeedsText";
}

public sealed class DecisionMustBeConfirmableRule(IReadOnlyList<string> problems) : IBusinessRule
{
    public IReadOnlyList<string> Problems { get; } = problems;

    public bool IsBroken() => Problems.Count > 0;

    public string MessageKey => Problems.Count > 0 ? Problems[0] : "Rule.DecisionLocked";
}

public sealed class ProtocolsAreStoredOnceRule(DecisionStatus status, Guid? existing) : IBusinessRule
{
    public bool IsBroken() => status != DecisionStatus.Locked || existing is not null;

    public string MessageKey => "Rule.DecisionLocked";
}

public sealed class DecisionWithinBudgetRule(IReadOnlyList<string> problems) : IBusinessRule
{
    public bool IsBroken() => problems.Count > 0;

    public string MessageKey => problems.Count > 0 ? problems[0] : "Rule.TotalAboveBudget";
}

public sealed class OnlyALockedDecisionIsReopenedRule(DecisionStatus status) : IBusinessRule
{
    public bool IsBroken() => status != DecisionStatus.Locked;

    public string MessageKey => "Award.ReopenOnlyLocked";
}

public sealed class ReopeningNeedsAReasonRule(string? reason) : IBusinessRule
{
    public bool IsBroken() => reason is null || reason.Trim().Length < 10;

    public string MessageKey => "Award.ReopenNeedsReason";
}
