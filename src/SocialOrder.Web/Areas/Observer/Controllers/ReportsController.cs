using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Reports.GetReport;
using SocialOrder.Application.Reports.GetReportEvidence;
using SocialOrder.Application.Reports.GetReportReceiptPdf;
using SocialOrder.Web.Models;

namespace SocialOrder.Web.Areas.Observer.Controllers;

/// <summary>The body's submitted reports, read-only for Public Council observers.</summary>
public sealed class ReportsController : ObserverController
{
    [HttpGet]
    public async Task<IActionResult> Details(Guid reportId, int? version, CancellationToken ct)
    {
        var result = await Sender.Send(new GetReportQuery(reportId, version), ct);
        return FailurePage(result) ?? View(ReportViews.Details, new ReportViewModel(result.Value, "Observer"));
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
}
