using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.Evaluation;

public sealed class ScoringStartsAfterDeadlineRule(Call call, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => call.PhaseAt(now) != CallPhase.Closed;

    public string MessageKey => "Rule.ScoringAfterDeadline";
}

public sealed class ScoringStartsAfterDeadlineAndEligibilityRule(Call call, Bid bid, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => call.PhaseAt(now) != CallPhase.Closed || bid.Status != BidStatus.Submitted || bid.Eligibility is not { Eligible: true };

    public string MessageKey => "Rule.OnlyEligibleBidsGoToExperts";
}

public sealed class OnlyProposedAssignmentsChangeRule(AssignmentStatus status) : IBusinessRule
{
    public bool IsBroken() => status != AssignmentStatus.Proposed;

    public string MessageKey => "Rule.AssignmentAlreadyConfirmed";
}

public sealed class ExpertAnswersOnceRule(AssignmentStatus status) : IBusinessRule
{
    public bool IsBroken() => status != AssignmentStatus.Assigned;

    public string MessageKey => "Rule.AssignmentAlreadyAnswered";
}

public sealed class ConflictNeedsAStatementRule(bool hasConflict, string? statement) : IBusinessRule
{
    public bool IsBroken() => hasConflict && (statement is null || statement.Trim().Length < 10);

    public string MessageKey => "Rule.ConflictNeedsStatement";
}

public sealed class OnlyAcceptedAssignmentsAreScoredRule(AssignmentStatus status) : IBusinessRule
{
    public bool IsBroken() => status != AssignmentStatus.Accepted;

    public string MessageKey => "Rule.ScoreOnlyAfterDeclaration";
}

public sealed class SubmittedSheetIsSealedRule(SheetStatus status) : IBusinessRule
{
    public bool IsBroken() => status == SheetStatus.Submitted;

    public string MessageKey => "Rule.SheetSealed";
}

public sealed class SheetRevisionMustBeCurrentRule(int current, int expected) : IBusinessRule
{
    public bool IsBroken() => current != expected;

    public string MessageKey => "Rule.SheetChangedElsewhere";
}

public sealed class SheetMustBeValidRule(IReadOnlyList<SheetProblem> problems) : IBusinessRule
{
    public IReadOnlyList<SheetProblem> Problems { get; } = problems;

    public bool IsBroken() => Problems.Count > 0;

    public string MessageKey => "Rule.SheetInvalid";
}

public sealed class OnlySubmittedSheetsReopenRule(SheetStatus status) : IBusinessRule
{
    public bool IsBroken() => status != SheetStatus.Submitted;

    public string MessageKey => "Rule.OnlySubmittedSheetsReopen";
}

public sealed class ReopeningNeedsAReasonRule(string? reason) : IBusinessRule
{
    public bool IsBroken() => reason is null || reason.Trim().Length < 10;

    public string MessageKey => "Rule.ReopenNeedsReason";
}

public sealed class ReconciliationNeedsAReasonRule(string? reason) : IBusinessRule
{
    public bool IsBroken() => reason is null || reason.Trim().Length < 10;

    public string MessageKey => "Rule.ReconciliationNeedsReason";
}

public sealed class ReconciledOnceRule(bool alreadyReconciled) : IBusinessRule
{
    public bool IsBroken() => alreadyReconciled;

    public string MessageKey => "Rule.AlreadyReconciled";
}
