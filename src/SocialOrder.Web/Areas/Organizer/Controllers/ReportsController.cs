using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Reports.AcceptReport;
using SocialOrder.Application.Reports.GetReport;
using SocialOrder.Application.Reports.GetReportEvidence;
using SocialOrder.Application.Reports.GetReportReceiptPdf;
using SocialOrder.Application.Reports.ReturnReport;
using SocialOrder.Web.Models;

namespace SocialOrder.Web.Areas.Organizer.Controllers;

/// <summary>An agreement's reports for the body's officials: read every version, accept, or return with remarks per section.</summary>
public sealed class ReportsController : OrganizerController
{
    [HttpGet]
    public async Task<IActionResult> Details(Guid reportId, int? version, CancellationToken ct)
    {
        var result = await Sender.Send(new GetReportQuery(reportId, version), ct);
        return FailurePage(result) ?? View(ReportViews.Details, new ReportViewModel(result.Value, "Organizer"));
    }

    [HttpPost]
    public async Task<IActionResult> Accept(Guid reportId, CancellationToken ct)
    {
        var result = await Sender.Send(new AcceptReportCommand(reportId), ct);
        return await AfterAsync(reportId, result, "Report.AcceptedStatus", ct);
    }

    [HttpPost]
    public async Task<IActionResult> Return(Guid reportId, string? activities, string? indicators, string? finance, string? narrative, CancellationToken ct)
    {
        var result = await Sender.Send(new ReturnReportCommand(reportId, activities, indicators, finance, narrative), ct);
        return await AfterAsync(reportId, result, "Report.ReturnedStatus", ct);
    }

    [HttpGet]
    public async Task<IActionResult> ReceiptPdf(Guid reportId, int version, string? lang, CancellationToken ct)
    {
        var file = await Sender.Send(new GetReportReceiptPdfQuery(reportId, version, lang == "kk" ? ProtocolLanguage.Kk : ProtocolLanguage.Ru), ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    [HttpGet]
    public async Task<IActionResult> Evidence(Guid reportId, Guid fileId, CancellationToken ct)
    {
        var file = await Sender.Send(new GetReportEvidenceQuery(reportId, fileId), ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<IActionResult> AfterAsync(Guid reportId, Application.Common.Results.Result result, string success, CancellationToken ct)
    {
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsSuccess)
        {
            Status(success);
            return RedirectToAction(nameof(Details), new { reportId });
        }

        AddErrors(result);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var page = await Sender.Send(new GetReportQuery(reportId), ct);
        return FailurePage(page) ?? View(ReportViews.Details, new ReportViewModel(page.Value, "Organizer"));
    }
}
