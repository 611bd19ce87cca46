using SocialOrder.Web.Infrastructure;

namespace SocialOrder.Web.FunctionalTests;

public sealed class DecimalModelBinderTests
{
    [Theory]
    [InlineData("66.67", 66.67)]
    [InlineData("66,67", 66.67)]
    [InlineData("1 250 000", 1250000)]
    [InlineData("1\u00a0250\u00a0000,50", 1250000.50)]
    [InlineData("-3", -3)]
    public void TryParse_AcceptsWhatBrowsersAndPeopleWrite(string text, double expected)
    {
        Assert.True(DecimalModelBinder.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1,250,000")]
    [InlineData("1.250,5")]
    [InlineData("abc")]
    [InlineData("1e5")]
    public void TryParse_RefusesAmbiguousOrForeignText(string text) => Assert.False(DecimalModelBinder.TryParse(text, out _));
}
