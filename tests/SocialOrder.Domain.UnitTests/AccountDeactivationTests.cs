using SocialOrder.Domain.Accounts;
using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.UnitTests;

public sealed class AccountDeactivationTests
{
    [Fact]
    public void OwnAccount_IsRefused()
    {
        var id = Guid.NewGuid();
        var ex = Assert.Throws<BusinessRuleViolationException>(() => AccountDeactivation.EnsureAllowed(id, id, false, 3));
        Assert.Equal("Rule.CannotDeactivateOwnAccount", ex.Rule.MessageKey);
    }

    [Fact]
    public void LastActiveAdministrator_IsRefused_ButNotOneOfSeveral()
    {
        var ex = Assert.Throws<BusinessRuleViolationException>(() => AccountDeactivation.EnsureAllowed(Guid.NewGuid(), Guid.NewGuid(), true, 1));
        Assert.Equal("Rule.KeepOneActiveAdministrator", ex.Rule.MessageKey);
        AccountDeactivation.EnsureAllowed(Guid.NewGuid(), Guid.NewGuid(), true, 2);
        AccountDeactivation.EnsureAllowed(Guid.NewGuid(), Guid.NewGuid(), false, 1);
    }
}
