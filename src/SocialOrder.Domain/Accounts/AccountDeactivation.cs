using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.Accounts;

/// <summary>
/// Who may be deactivated (ADR 31): never the administrator's own account (nobody locks themselves out by a slip), and
/// never the last active administrator (the portal would have nobody to run it).
/// </summary>
public static class AccountDeactivation
{
    /// <summary>Throws <see cref="BusinessRuleViolationException"/> when deactivating <paramref name="targetId"/> is not allowed.</summary>
    public static void EnsureAllowed(Guid actorId, Guid targetId, bool targetIsActiveAdministrator, int activeAdministrators)
    {
        Check(new CannotDeactivateOwnAccountRule(actorId, targetId));
        Check(new KeepOneActiveAdministratorRule(targetIsActiveAdministrator, activeAdministrators));
    }

    private static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }
}

public sealed class CannotDeactivateOwnAccountRule(Guid actorId, Guid targetId) : IBusinessRule
{
    public bool IsBroken() => actorId == targetId;

    public string MessageKey => "Rule.CannotDeactivateOwnAccount";
}

public sealed class KeepOneActiveAdministratorRule(bool targetIsActiveAdministrator, int activeAdministrators) : IBusinessRule
{
    public bool IsBroken() => targetIsActiveAdministrator && activeAdministrators <= 1;

    public string MessageKey => "Rule.KeepOneActiveAdministrator";
}
