using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Exports.ExportCallBids;
using SocialOrder.Application.Exports.ExportMyCalls;
using SocialOrder.Application.Exports.ExportRanking;
using SocialOrder.Web.Infrastructure;
using SocialOrder.Web.Infrastructure.Exports;

namespace SocialOrder.Web.Areas.Organizer.Controllers;

/// <summary>
/// The lists an official sees, as CSV or XLSX with headers in the page's language: their calls, the bids of a call after
/// its deadline, a call's ranking. Another body's call answers 404, as its pages do.
/// </summary>
public sealed class ExportsController : OrganizerController
{
    [HttpGet]
    public async Task<IActionResult> Calls(string? format, CancellationToken ct)
    {
        if (!TableFileResult.TryParse(format, out var kind))
        {
            return NotFound();
        }

        var rows = await Sender.Send(new ExportMyCallsQuery(), ct);
        string[] headers =
        [
            L["Call.Field.Reference"], L["Call.Field.Title"], L["Call.Field.Phase"], L["Call.Field.Budget"], L["Call.Field.OpensAt"],
            L["Call.Field.ClosesAt"], L["Organizer.Calls.OpenQuestions"],
        ];
        return new TableFileResult("calls", kind, headers, Cells(rows, r => [
            r.Reference, Formatting.Name(r.Title), L[$"Phase.{r.Phase}"].Value, r.Budget, Formatting.KzTime(r.OpensAt), Formatting.KzTime(r.ClosesAt), r.OpenQuestions]));
    }

    [HttpGet]
    public async Task<IActionResult> Bids(Guid id, string? format, CancellationToken ct)
    {
        if (!TableFileResult.TryParse(format, out var kind) || await Sender.Send(new ExportCallBidsQuery(id), ct) is not { } rows)
        {
            return NotFound();
        }

        string[] headers =
        [
            L["Bid.ReceiptNumber"], L["Organization.MyTitle"], L["Field.Bin"], L["Bid.ReceivedAt"], L["Bid.Version"], L["Bid.Field.RequestedAmount"],
            "SHA-256", L["Organizer.Bids.Eligibility"], L["Export.EligibilityReason"],
        ];
        return new TableFileResult($"bids-{id:N}", kind, headers, Cells(rows, r => [
            r.ReceiptNumber, Formatting.Name(r.Organization), r.Bin, Formatting.KzTime(r.SubmittedAt), r.Version, r.RequestedAmount, r.ContentSha256,
            r.Eligible switch { true => L["Export.Eligible"].Value, false => L["Export.Ineligible"].Value, null => L["Export.NotChecked"].Value }, r.EligibilityReason]));
    }

    [HttpGet]
    public async Task<IActionResult> Ranking(Guid id, string? format, CancellationToken ct)
    {
        if (!TableFileResult.TryParse(format, out var kind) || await Sender.Send(new ExportRankingQuery(id), ct) is not { } ranking)
        {
            return NotFound();
        }

        string[] headers =
        [
            L["Evaluation.Rank"], L["Bid.ReceiptNumber"], L["Field.Organization"], .. ranking.CriterionCodes, L["Evaluation.Total"], L["Evaluation.Spread"],
            L["Evaluation.Requested"], L["Bid.ReceivedAt"],
        ];
        return new TableFileResult($"ranking-{id:N}", kind, headers, Cells(Async(ranking.Rows), r => [
            r.Rank, r.ReceiptNumber, Formatting.Name(r.Organization), .. r.CriterionMeans.Cast<object?>(), r.Total, r.Spread, r.Requested, Formatting.KzTime(r.ReceivedAt)]));
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Cells<T>(IAsyncEnumerable<T> rows, Func<T, object?[]> cells)
    {
        await foreach (var row in rows)
        {
            yield return cells(row);
        }
    }

    private static async IAsyncEnumerable<T> Async<T>(IEnumerable<T> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }

        await Task.CompletedTask;
    }
}
