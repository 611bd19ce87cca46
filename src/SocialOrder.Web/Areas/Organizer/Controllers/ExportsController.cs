using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Agreements.Portfolio;
using SocialOrder.Application.Exports.ExportCallBids;
using SocialOrder.Application.Exports.ExportMyCalls;
using SocialOrder.Application.Exports.ExportPayments;
using SocialOrder.Application.Exports.ExportPortfolio;
using SocialOrder.Application.Exports.ExportRanking;
using SocialOrder.Web.Infrastructure;
using SocialOrder.Web.Infrastructure.Exports;

namespace SocialOrder.Web.Areas.Organizer.Controllers;

/// <summary>
/// The lists an official sees, as CSV or XLSX with headers in the page's language: their calls, the bids of a call after
/// its deadline, a call's ranking, the agreements portfolio and the tranches paid (with the portfolio's filters).
/// Another body's call answers 404, as its pages do; no format means CSV.
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

    [HttpGet]
    public async Task<IActionResult> Agreements(Guid? callId, int? regionId, int? priorityAreaId, ProjectAttention? attention, string? format, CancellationToken ct)
    {
        var filter = new PortfolioFilter(callId, regionId, priorityAreaId, attention);
        if (!TableFileResult.TryParse(format, out var kind) || await Sender.Send(new ExportPortfolioQuery(filter), ct) is not { } rows)
        {
            return NotFound();
        }

        string[] headers =
        [
            L["Agreement.Number"], L["Agreement.Project"], L["Agreement.Organization"], L["Field.Bin"], L["Agreement.Call"], L["Agreement.StatusColumn"],
            L["Export.TermStart"], L["Export.TermEnd"], L["Agreement.Amount"], L["Agreement.Paid"],
        ];
        return new TableFileResult("agreements", kind, headers, Cells(rows, r => [
            r.Number, r.ProjectTitle, Formatting.Name(r.Organization), r.OrganizationBin, r.CallReference, L[$"Agreement.Status.{r.Status}"].Value,
            Date(r.TermStart), Date(r.TermEnd), r.TotalAmount, r.PaidAmount]));
    }

    [HttpGet]
    public async Task<IActionResult> Payments(Guid? callId, int? regionId, int? priorityAreaId, ProjectAttention? attention, string? format, CancellationToken ct)
    {
        var filter = new PortfolioFilter(callId, regionId, priorityAreaId, attention);
        if (!TableFileResult.TryParse(format, out var kind) || await Sender.Send(new ExportPaymentsQuery(filter), ct) is not { } rows)
        {
            return NotFound();
        }

        string[] headers =
        [
            L["Agreement.Number"], L["Agreement.Organization"], L["Field.Bin"], L["Agreement.Call"], L["Export.TrancheNumber"], L["Agreement.Kind"],
            L["Agreement.Year"], L["Agreement.PlannedOn"], L["Agreement.TrancheAmount"], L["Agreement.PaidOn"], L["Agreement.PaymentAmount"],
            L["Agreement.PaymentOrder"],
        ];
        return new TableFileResult("payments", kind, headers, Cells(rows, r => [
            r.AgreementNumber, Formatting.Name(r.Organization), r.OrganizationBin, r.CallReference, r.TrancheNumber, L[$"Agreement.TrancheKind.{r.Kind}"].Value,
            r.Year, Date(r.PlannedOn), r.TrancheAmount, Date(r.PaidOn), r.PaidAmount, r.PaymentOrderNumber]));
    }

    private static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

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
