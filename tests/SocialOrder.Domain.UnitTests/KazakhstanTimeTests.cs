using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.UnitTests;

public sealed class KazakhstanTimeTests
{
    [Fact]
    public void ToLocal_AfterMarch2024_IsUtcPlusFive()
    {
        var utc = new DateTimeOffset(2026, 11, 27, 13, 0, 0, TimeSpan.Zero);

        var local = KazakhstanTime.ToLocal(utc);

        Assert.Equal(TimeSpan.FromHours(5), local.Offset);
        Assert.Equal(18, local.Hour);
    }

    [Fact]
    public void FromLocal_EnteredDeadline_IsStoredAsTheRightUtcInstant()
    {
        var utc = KazakhstanTime.FromLocal(new DateTime(2027, 3, 1, 18, 0, 0));

        Assert.Equal(new DateTimeOffset(2027, 3, 1, 13, 0, 0, TimeSpan.Zero), utc);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("9999-12-31T23:59:59")]
    [InlineData("1999-12-31T23:00:00")]
    public void FromLocal_AtTheEndsOfTheCalendar_DoesNotThrow_AndIsNotASupportedDate(string typed)
    {
        var utc = KazakhstanTime.FromLocal(DateTime.Parse(typed, System.Globalization.CultureInfo.InvariantCulture));

        Assert.False(KazakhstanTime.IsSupported(utc));
    }

    [Fact]
    public void IsSupported_ADeadlineThisCentury_IsTrue_AndNoDateIsTrueToo()
    {
        Assert.True(KazakhstanTime.IsSupported(KazakhstanTime.FromLocal(new DateTime(2027, 3, 1, 18, 0, 0))));
        Assert.True(KazakhstanTime.IsSupported(null));
    }
}
