namespace SocialOrder.Domain.Common;

/// <summary>The portal stores UTC and shows Kazakhstan time (Asia/Almaty, UTC+5 since 1 March 2024).</summary>
public static class KazakhstanTime
{
    public const string TimeZoneId = "Asia/Almaty";

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public static DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    public static DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = Zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }
}
