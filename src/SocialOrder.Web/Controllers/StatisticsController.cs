using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Application.Statistics.GetPublicStatistics;
using SocialOrder.Domain.Common;
using SocialOrder.Web.Infrastructure;
using SocialOrder.Web.Infrastructure.Exports;
using SocialOrder.Web.Models;

namespace SocialOrder.Web.Controllers;

/// <summary>
/// Public statistics (issue 12, item 2; ADR 27): no sign-in, the filters in the address, the charts' numbers as tables
/// beside them and each table as CSV in the page's language.
/// </summary>
[AllowAnonymous]
public sealed class StatisticsController(TimeProvider time) : PortalController
{
    public static readonly string[] Tables = ["summary", "years", "regions", "areas"];

    [HttpGet("/Statistics")]
    public async Task<IActionResult> Index([FromQuery] StatisticsQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var statistics = await Sender.Send(new GetPublicStatisticsQuery(query.ToFilter()), ct);
        var reference = await Sender.Send(new GetReferenceDataQuery(), ct);
        return View(new StatisticsPage(statistics, reference, KazakhstanTime.ToLocal(time.GetUtcNow()).Year));
    }

    [HttpGet("/Statistics/Csv")]
    public async Task<IActionResult> Csv(string? table, [FromQuery] StatisticsQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (table is null || !Tables.Contains(table, StringComparer.Ordinal))
        {
            return NotFound();
        }

        var s = await Sender.Send(new GetPublicStatisticsQuery(query.ToFilter()), ct);
        var (headers, rows) = table switch
        {
            "years" => (
                new[] { L["Statistics.Year"].Value, L["Statistics.Calls"].Value, L["Statistics.Budget"].Value, L["Statistics.Awarded"].Value, L["Statistics.FundedBids"].Value },
                s.Years.Select(y => new object?[] { y.Year, y.Calls, y.Budget, y.Awarded, y.FundedBids })),
            "regions" => (
                new[] { L["Statistics.Region"].Value, L["Statistics.Awarded"].Value, L["Statistics.FundedBids"].Value },
                s.ByRegion.Select(r => new object?[] { GroupName(r, "Statistics.NoRegion"), r.Awarded, r.FundedBids })),
            "areas" => (
                new[] { L["Statistics.PriorityArea"].Value, L["Statistics.Awarded"].Value, L["Statistics.FundedBids"].Value },
                s.ByPriorityArea.Select(a => new object?[] { GroupName(a, "Statistics.NoArea"), a.Awarded, a.FundedBids })),
            _ => (
                new[] { L["Statistics.Indicator"].Value, L["Statistics.Value"].Value },
                StatisticsText.Summary(s, L).Select(r => new object?[] { r.Label, r.Value })),
        };
        return new TableFileResult($"statistics-{table}", ExportFormat.Csv, headers, Async(rows.Select(r => (IReadOnlyList<object?>)r)));
    }

    private string GroupName(MoneyShare share, string noneKey) => StatisticsText.GroupName(share, noneKey, L);

    private static async IAsyncEnumerable<T> Async<T>(IEnumerable<T> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }

        await Task.CompletedTask;
    }
}
