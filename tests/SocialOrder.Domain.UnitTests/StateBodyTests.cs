using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Domain.UnitTests;

public sealed class StateBodyTests
{
    private static readonly LocalizedText Name = new("Әкімдік", "Акимат", "Akimat");

    [Fact]
    public void Create_AkimatWithoutRegion_BreaksAkimatMustHaveRegionRule()
    {
        var ex = Assert.Throws<BusinessRuleViolationException>(() => StateBody.Create(Name, "120240021112", StateBodyKind.Akimat, null));

        Assert.IsType<AkimatMustHaveRegionRule>(ex.Rule);
        Assert.Equal("Rule.AkimatMustHaveRegion", ex.Rule.MessageKey);
    }

    [Fact]
    public void Create_MinistryWithoutRegion_IsNationwide()
    {
        var body = StateBody.Create(Name, "050540004455", StateBodyKind.Ministry, null);

        Assert.Null(body.RegionId);
        Assert.NotEqual(Guid.Empty, body.Id.Value);
    }

    [Theory]
    [InlineData("kk", "Әкімдік")]
    [InlineData("ru", "Акимат")]
    [InlineData("en", "Akimat")]
    [InlineData("fr", "Акимат")]
    public void LocalizedText_For_PicksTheLanguageAndFallsBackToRussian(string culture, string expected)
    {
        Assert.Equal(expected, Name.For(culture));
    }

    [Fact]
    public void LocalizedText_For_EnglishMissing_FallsBackToRussian()
    {
        Assert.Equal("Акимат", new LocalizedText("Әкімдік", "Акимат").For("en"));
    }
}
