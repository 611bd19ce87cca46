using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Domain.UnitTests;

public sealed class BinTests
{
    [Theory]
    [InlineData("940140000385")]
    [InlineData("990140004654")]
    [InlineData("061211600012")]
    public void IsValid_KnownGoodBins_AreAccepted(string bin) => Assert.True(Bin.IsValid(bin));

    [Theory]
    [InlineData("940140000386")]
    [InlineData("94014000038")]
    [InlineData("9401400003850")]
    [InlineData("94014000038a")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("０６１２１１６０００１２")]
    public void IsValid_WrongCheckDigitLengthOrCharacters_IsRefused(string? bin) => Assert.False(Bin.IsValid(bin));

    [Fact]
    public void IsValid_WhenBothChecksumsGiveTen_IsRefusedWhateverTheLastDigit()
    {
        // Search the space for an 11-digit prefix where both weight sets give 10: no check digit can make it valid.
        var prefix = Enumerable.Range(0, 2_000_000)
            .Select(n => n.ToString("00000000000", System.Globalization.CultureInfo.InvariantCulture))
            .First(p => Sum(p, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) == 10 && Sum(p, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]) == 10);

        Assert.All(Enumerable.Range(0, 10), d => Assert.False(Bin.IsValid(prefix + d)));
    }

    [Fact]
    public void Organization_LastAdministrator_CannotBeRemoved()
    {
        var founder = Guid.NewGuid();
        var organization = Organization.Register(Bin.Parse("940140000385"), Details(), founder, DateTimeOffset.UtcNow);

        var ex = Assert.Throws<BusinessRuleViolationException>(() => organization.RemoveMember(founder, founder));

        Assert.IsType<OrganizationKeepsAnAdministratorRule>(ex.Rule);
    }

    [Fact]
    public void Invitation_AcceptedWithAnotherAddressOrAfter14Days_IsRefused()
    {
        var founder = Guid.NewGuid();
        var now = new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero);
        var organization = Organization.Register(Bin.Parse("940140000385"), Details(), founder, now);
        var invitation = organization.Invite(founder, "Colleague@Example.kz", now);

        Assert.Throws<BusinessRuleViolationException>(() => organization.AcceptInvitation(invitation.Token, Guid.NewGuid(), "someone@example.kz", now));
        Assert.Throws<BusinessRuleViolationException>(() => organization.AcceptInvitation(invitation.Token, Guid.NewGuid(), "colleague@example.kz", now.AddDays(14)));
        var colleague = Guid.NewGuid();
        organization.AcceptInvitation(invitation.Token, colleague, "colleague@example.kz", now.AddDays(13));
        Assert.True(organization.IsMember(colleague));
        Assert.False(organization.IsAdministrator(colleague));
        Assert.Throws<BusinessRuleViolationException>(() => organization.AcceptInvitation(invitation.Token, colleague, "colleague@example.kz", now.AddDays(13)));
    }

    [Fact]
    public void Invite_ByAPlainMember_IsRefused()
    {
        var founder = Guid.NewGuid();
        var organization = Organization.Register(Bin.Parse("940140000385"), Details(), founder, DateTimeOffset.UtcNow);

        var ex = Assert.Throws<BusinessRuleViolationException>(() => organization.Invite(Guid.NewGuid(), "x@example.kz", DateTimeOffset.UtcNow));

        Assert.IsType<OnlyOrganizationAdministratorManagesRule>(ex.Rule);
    }

    private static int Sum(string p, int[] w) => p.Select((c, i) => (c - '0') * w[i]).Sum() % 11;

    private static OrganizationDetails Details() =>
        new(new LocalizedText("Үміт қоры", "Фонд «Надежда»"), LegalForm.PublicFoundation, new RegionId(19), "Алматы", "+7 727 000 00 00", "fund@example.kz", "Иванова А.", null);
}
