using SocialOrder.Domain.Appeals;

namespace SocialOrder.Application.Appeals;

/// <summary>The appeal window and the body's answer time (working days), and Kazakhstan's public holidays: bound from <c>Appeals</c>.</summary>
public sealed class AppealOptions
{
    public const string Section = "Appeals";

    /// <summary>Working days after the results are published during which an organization that bid may complain.</summary>
    public int WorkingDays { get; set; } = 5;

    /// <summary>Working days the body has to answer a complaint, counted from its filing.</summary>
    public int AnswerWorkingDays { get; set; } = 10;

    /// <summary>Public holidays and transferred days off (dates); weekends are never working days.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    public int MaxDocuments { get; set; } = 5;

    public string AllowedTypes { get; set; } = "pdf,docx,doc,jpg,jpeg,png";

    public WorkingCalendar Calendar() => new(Holidays);
}
