using SocialOrder.Domain.Accounts;

namespace SocialOrder.Domain.UnitTests;

public sealed class SignInBackoffTests
{
    private static readonly SignInBackoff Backoff = new(5, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(300));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 2)]
    [InlineData(6, 4)]
    [InlineData(7, 8)]
    [InlineData(12, 256)]
    [InlineData(13, 300)]
    [InlineData(int.MaxValue, 300)]
    public void DelayAfter_DoublesAfterTheFreeFailures_UpToTheCap(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Backoff.DelayAfter(failures));

    [Fact]
    public void RemainingWait_CountsFromTheLastFailure()
    {
        var last = new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(4), Backoff.RemainingWait(6, last, last));
        Assert.Equal(TimeSpan.FromSeconds(1), Backoff.RemainingWait(6, last, last.AddSeconds(3)));
        Assert.Equal(TimeSpan.Zero, Backoff.RemainingWait(6, last, last.AddSeconds(4)));
        Assert.Equal(TimeSpan.Zero, Backoff.RemainingWait(4, last, last));
    }
}
