using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.Appeals;

public sealed class OnlyABidderAppealsRule(bool organizationBid) : IBusinessRule
{
    public bool IsBroken() => !organizationBid;

    public string MessageKey => "Error.NotFound";
}

public sealed class AppealOnlyWithinTheWindowRule(PublishedResults results, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => now < results.PublishedAt || now >= results.WindowClosesAt;

    public string MessageKey => "Appeal.WindowClosed";
}

public sealed class OneAppealPerOrganizationRule(bool alreadyFiled) : IBusinessRule
{
    public bool IsBroken() => alreadyFiled;

    public string MessageKey => "Appeal.AlreadyFiled";
}

public sealed class AppealNeedsReasonsRule(string? reasons) : IBusinessRule
{
    public bool IsBroken() => reasons is null || reasons.Trim().Length < Appeal.MinimumText;

    public string MessageKey => "Appeal.ReasonsRequired";
}

public sealed class AppealAnsweredOnceRule(AppealStatus status) : IBusinessRule
{
    public bool IsBroken() => status != AppealStatus.Filed;

    public string MessageKey => "Appeal.AlreadyAnswered";
}

public sealed class AnswerNeedsReasonsRule(string? answer) : IBusinessRule
{
    public bool IsBroken() => answer is null || answer.Trim().Length < Appeal.MinimumText;

    public string MessageKey => "Appeal.AnswerRequired";
}

/// <summary>Agreements of a call are issued only once its appeal window has closed and every complaint is answered.</summary>
public sealed class AgreementsWaitForAppealsRule(DateTimeOffset windowClosesAt, int unanswered, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => now < windowClosesAt || unanswered > 0;

    public string MessageKey => unanswered > 0 ? "Appeal.AgreementWaitsForAnswers" : "Appeal.AgreementWaitsForWindow";
}

/// <summary>The gate the agreement use cases ask before issuing: throws the broken rule, which reaches the user localized.</summary>
public static class AppealGate
{
    public static void CheckAgreementsMayBeIssued(DateTimeOffset windowClosesAt, int unanswered, DateTimeOffset now)
    {
        var rule = new AgreementsWaitForAppealsRule(windowClosesAt, unanswered, now);
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }
}
