namespace SocialOrder.Domain.Common;

/// <summary>The portal stores UTC and shows Kazakhstan time (Asia/Almaty, UTC+5 since 1 March 2024).</summary>
public static class KazakhstanTime
{
    public const string TimeZoneId = "Asia/Almaty";

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public static DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    /// <summary>The first and last instants the portal accepts as a date of its own (a deadline, a report date).</summary>
    public static DateTimeOffset EarliestSupported { get; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset LatestSupported { get; } = new(2100, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A local time typed in a form, as UTC. A time at the very ends of the calendar (0001-01-01) has no UTC instant:
    /// it becomes the nearest representable one, which validation then refuses as out of range.
    /// </summary>
    public static DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = Zone.GetUtcOffset(unspecified);
        var utcTicks = unspecified.Ticks - offset.Ticks;
        return utcTicks < DateTime.MinValue.Ticks ? DateTimeOffset.MinValue
            : utcTicks > DateTime.MaxValue.Ticks ? DateTimeOffset.MaxValue
            : new DateTimeOffset(utcTicks, TimeSpan.Zero);
    }

    public static bool IsSupported(DateTimeOffset? instant) => instant is null || (instant >= EarliestSupported && instant <= LatestSupported);
}
