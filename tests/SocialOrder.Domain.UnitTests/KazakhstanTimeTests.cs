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
}
