using System.Globalization;
using Microsoft.Extensions.Localization;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Application.Statistics.GetPublicStatistics;
using SocialOrder.Domain.Calls;
using SocialOrder.Web.Infrastructure;

namespace SocialOrder.Web.Models;

/// <summary>The statistics page: the numbers, and the lists its filters choose from.</summary>
public sealed record StatisticsPage(PublicStatistics Statistics, ReferenceDataView Reference, int ThisYear);

/// <summary>The statistics filters as they arrive in the address (a value that does not parse is simply left out).</summary>
public sealed class StatisticsQuery
{
    public int? From { get; set; }

    public int? To { get; set; }

    public Guid? Body { get; set; }

    public int? Region { get; set; }

    public int? Area { get; set; }

    public Instrument? Instrument { get; set; }

    public StatisticsFilter ToFilter() => new(From, To, Body, Region, Area, Instrument);

    public static object RouteValues(StatisticsFilter f, string? table = null) =>
        new { table, from = f.FromYear, to = f.ToYear, body = f.StateBodyId, region = f.RegionId, area = f.PriorityAreaId, instrument = f.Instrument };
}

/// <summary>The statistics' labels and formats, shared by the page and its CSV files.</summary>
public static class StatisticsText
{
    /// <summary>The summary figures with their labels, as the page lists them (shares as fractions of one).</summary>
    public static IEnumerable<(string Label, object? Value)> Summary(PublicStatistics s, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(L);
        yield return (L["Statistics.Calls"], s.Calls);
        yield return (L["Statistics.CancelledCalls"], s.CancelledCalls);
        yield return (L["Statistics.Budget"], s.Budget);
        yield return (L["Statistics.AwardedCalls"], s.AwardedCalls);
        yield return (L["Statistics.Awarded"], s.Awarded);
        yield return (L["Statistics.BidsPerCall"], s.BidsPerCall);
        yield return (L["Statistics.SuccessRate"], s.SuccessRate);
        yield return (L["Statistics.TopTenShare"], s.TopTenShare);
        yield return (L["Statistics.Organizations"], s.Organizations);
        yield return (L["Statistics.DaysToAward"], s.AverageDaysToAward);
        yield return (L["Statistics.LongestDaysToAward"], s.LongestDaysToAward);
    }

    public static string GroupName(MoneyShare share, string noneKey, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(share);
        ArgumentNullException.ThrowIfNull(L);
        return share.Name is null ? L[noneKey].Value : Formatting.Name(share.Name);
    }

    public static string Percent(decimal? fraction) => fraction is { } f ? (f * 100m).ToString("0.#", CultureInfo.CurrentCulture) + " %" : "—";

    public static string Number(decimal? value) => value is { } v ? v.ToString("0.##", CultureInfo.CurrentCulture) : "—";
}
