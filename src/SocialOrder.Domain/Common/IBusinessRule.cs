namespace SocialOrder.Domain.Common;

/// <summary>A business invariant; <see cref="MessageKey"/> is a localization key shown to the user.</summary>
public interface IBusinessRule
{
    bool IsBroken();

    string MessageKey { get; }

    IReadOnlyList<object> MessageArgs => [];
}

public sealed class BusinessRuleViolationException : Exception
{
    public BusinessRuleViolationException(IBusinessRule rule)
        : base(rule?.MessageKey)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Rule = rule;
    }

    public BusinessRuleViolationException()
    {
        Rule = null!;
    }

    public BusinessRuleViolationException(string message)
        : base(message)
    {
        Rule = null!;
    }

    public BusinessRuleViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Rule = null!;
    }

    public IBusinessRule Rule { get; }
}
