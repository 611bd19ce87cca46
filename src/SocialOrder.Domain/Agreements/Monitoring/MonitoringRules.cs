using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.Agreements.Monitoring;

/// <summary>Visits, photos, answers and decisions only while the agreement is issued or accepted: never on a draft, a terminated or a completed one.</summary>
public sealed class VisitsOnlyDuringImplementationRule(AgreementStatus status) : IBusinessRule
{
    public bool IsBroken() => status is not (AgreementStatus.Issued or AgreementStatus.Accepted);

    public string MessageKey => status == AgreementStatus.Terminated ? "Agreement.Terminated" : "Monitoring.NotInImplementation";
}

public sealed class VisitDateNotInTheFutureRule(DateOnly visitedOn, DateOnly today) : IBusinessRule
{
    public bool IsBroken() => visitedOn > today;

    public string MessageKey => "Monitoring.VisitInFuture";
}

public sealed class VisitDateNotBeforeIssueRule(DateOnly visitedOn, DateTimeOffset? issuedAt) : IBusinessRule
{
    public bool IsBroken() => issuedAt is { } at && visitedOn < DateOnly.FromDateTime(KazakhstanTime.ToLocal(at).Date);

    public string MessageKey => "Monitoring.VisitBeforeIssue";
}

public sealed class VisitTextRequiredRule(string? text, string key) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(text);

    public string MessageKey => key;
}

public sealed class AtMostRule(int count, int max, string key) : IBusinessRule
{
    public bool IsBroken() => count > max;

    public string MessageKey => key;

    public IReadOnlyList<object> MessageArgs => [max];
}

public sealed class ActionDueAfterTheVisitRule(DateOnly? dueOn, DateOnly visitedOn) : IBusinessRule
{
    public bool IsBroken() => dueOn is not { } due || due <= visitedOn;

    public string MessageKey => "Monitoring.DueAfterVisit";
}

public sealed class OnlyTheInvitedObserverRemarksRule(Guid? invited, Guid observerId) : IBusinessRule
{
    public bool IsBroken() => invited != observerId;

    public string MessageKey => "Monitoring.OnlyInvitedObserver";
}

public sealed class FindingMustHaveAnActionRule(VisitFinding? finding) : IBusinessRule
{
    public bool IsBroken() => finding?.Action is null;

    public string MessageKey => "Error.NotFound";
}

public sealed class OnlyAnOpenActionIsAnsweredRule(CorrectiveActionStatus status) : IBusinessRule
{
    public bool IsBroken() => status != CorrectiveActionStatus.Open;

    public string MessageKey => status == CorrectiveActionStatus.Closed ? "Monitoring.ActionClosed" : "Monitoring.ActionAlreadyAnswered";
}

public sealed class OnlyAnAnsweredActionIsReviewedRule(CorrectiveActionStatus status) : IBusinessRule
{
    public bool IsBroken() => status != CorrectiveActionStatus.Answered;

    public string MessageKey => status == CorrectiveActionStatus.Closed ? "Monitoring.ActionClosed" : "Monitoring.ActionNotAnswered";
}
