namespace SocialOrder.Domain.Accounts;

/// <summary>
/// Progressive delays per client address: the first <see cref="FreeFailures"/> failed sign-ins from an address cost
/// nothing; after that each further attempt must wait, from the last failure, a delay that doubles with every failure
/// (first, 2×first, 4×first …) up to <see cref="MaxDelay"/>. Only failures make an address wait, never the account,
/// so a guesser slows himself down and nobody else.
/// </summary>
public sealed record SignInBackoff(int FreeFailures, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>The delay owed after <paramref name="failures"/> recent failures; zero while they are free.</summary>
    public TimeSpan DelayAfter(int failures)
    {
        if (failures < FreeFailures || failures <= 0)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - FreeFailures, 30);
        var ticks = FirstDelay.Ticks * Math.Pow(2, doublings);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>How long the address must still wait at <paramref name="now"/>; zero when it may try.</summary>
    public TimeSpan RemainingWait(int failures, DateTimeOffset lastFailure, DateTimeOffset now)
    {
        var until = lastFailure + DelayAfter(failures);
        return until > now ? until - now : TimeSpan.Zero;
    }
}
