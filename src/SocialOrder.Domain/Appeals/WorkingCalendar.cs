using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.Appeals;

/// <summary>
/// Working days in Kazakhstan: Monday to Friday, except the public holidays the portal is configured with (the
/// government moves days off every year, so the list is configuration, not code).
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;

    public WorkingCalendar(IEnumerable<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        _holidays = [.. holidays];
    }

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="from"/> (which itself never counts); 0 is <paramref name="from"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = from;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>
    /// The instant a period of <paramref name="days"/> working days that starts at <paramref name="start"/> ends: midnight
    /// (Kazakhstan time) after the last of those days. The day of the start does not count; with 0 days it ends at the start.
    /// </summary>
    public DateTimeOffset EndOfPeriod(DateTimeOffset start, int days)
    {
        if (days == 0)
        {
            return start;
        }

        var local = KazakhstanTime.ToLocal(start);
        var last = AddWorkingDays(DateOnly.FromDateTime(local.DateTime), days);
        return KazakhstanTime.FromLocal(last.AddDays(1).ToDateTime(TimeOnly.MinValue));
    }
}
