using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.UnitTests;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("1250000", "1\u00A0250\u00A0000\u00A0₸")]
    [InlineData("0", "0\u00A0₸")]
    [InlineData("999", "999\u00A0₸")]
    [InlineData("1000", "1\u00A0000\u00A0₸")]
    [InlineData("1250000.5", "1\u00A0250\u00A0000,50\u00A0₸")]
    [InlineData("-15000", "-15\u00A0000\u00A0₸")]
    public void ToString_GroupsThousandsWithSpacesAndAddsTengeSign(string amount, string expected)
    {
        var money = Money.Kzt(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, money.ToString());
    }

    [Fact]
    public void Addition_IsExactInDecimal()
    {
        var total = Money.Kzt(0.1m) + Money.Kzt(0.2m);

        Assert.Equal(0.3m, total.Amount);
    }
}
