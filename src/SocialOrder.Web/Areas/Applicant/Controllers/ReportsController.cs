using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Reports.GetReport;
using SocialOrder.Application.Reports.GetReportEditor;
using SocialOrder.Application.Reports.GetReportEvidence;
using SocialOrder.Application.Reports.GetReportReceiptPdf;
using SocialOrder.Application.Reports.RemoveReportEvidence;
using SocialOrder.Application.Reports.StartReport;
using SocialOrder.Application.Reports.SubmitReport;
using SocialOrder.Application.Reports.UploadReportEvidence;
using SocialOrder.Web.Infrastructure;
using SocialOrder.Web.Models;

namespace SocialOrder.Web.Areas.Applicant.Controllers;

/// <summary>
/// The organization's reports under "My projects": start the report of a reporting point, fill it (autosave, stale edits
/// refused), attach evidence, submit it for a receipt (page and PDF), read every submitted version.
/// </summary>
public sealed class ReportsController : ApplicantController
{
    /// <summary>Opens (starting if need be) the report of reporting point <paramref name="number"/> of agreement <paramref name="id"/>.</summary>
    [HttpPost]
    public async Task<IActionResult> Start(Guid id, int number, CancellationToken ct)
    {
        var result = await Sender.Send(new StartReportCommand(id, number), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            TempData.SetStatus(ErrorText(result));
            return RedirectToAction("Details", "Projects", new { id });
        }

        return RedirectToAction(nameof(Edit), new { id = result.Value });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var editor = await Sender.Send(new GetReportEditorQuery(id), ct);
        if (FailurePage(editor) is { } failure)
        {
            return failure;
        }

        return View(new ReportEditorPage(editor.Value, ReportEditorForm.From(editor.Value)));
    }

    /// <summary>The editor's autosave: JSON in, JSON out; a stale revision is a 409 the page explains.</summary>
    [HttpPost]
    public async Task<IActionResult> Autosave(Guid id, [Bind(Prefix = "Form")] ReportEditorForm form, [FromServices] TimeProvider time, CancellationToken ct) =>
        AutosaveAnswer(await Sender.Send((form ?? new ReportEditorForm()).ToCommand(id), ct), time);

    [HttpPost]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Form")] ReportEditorForm form, CancellationToken ct)
    {
        form ??= new ReportEditorForm();
        var saved = await Sender.Send(form.ToCommand(id), ct);
        if (FailurePage(saved) is { } failure)
        {
            return failure;
        }

        if (saved.IsFailure)
        {
            return await EditorAgainAsync(id, saved, form, ct);
        }

        Status("Report.Saved");
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>Saves what is on the page, then submits that revision: a double click finds it frozen.</summary>
    [HttpPost]
    public async Task<IActionResult> Submit(Guid id, [Bind(Prefix = "Form")] ReportEditorForm form, CancellationToken ct)
    {
        form ??= new ReportEditorForm();
        var saved = await Sender.Send(form.ToCommand(id), ct);
        if (FailurePage(saved) is { } failure)
        {
            return failure;
        }

        if (saved.IsFailure)
        {
            return await EditorAgainAsync(id, saved, form, ct);
        }

        var submitted = await Sender.Send(new SubmitReportCommand(id, saved.Value), ct);
        if (FailurePage(submitted) is { } missing)
        {
            return missing;
        }

        if (submitted.IsFailure)
        {
            form.Revision = saved.Value;
            return await EditorAgainAsync(id, submitted, form, ct);
        }

        return RedirectToAction(nameof(Receipt), new { id, version = submitted.Value });
    }

    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.Uploads)]
    public async Task<IActionResult> Upload(Guid id, int indicatorIndex, IFormFile? file, CancellationToken ct)
    {
        byte[] content = [];
        if (file is not null)
        {
            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }

        var result = await Sender.Send(new UploadReportEvidenceCommand(id, indicatorIndex, file?.FileName ?? string.Empty, content), ct);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (result.IsFailure)
        {
            TempData.SetStatus(ErrorText(result));
        }
        else
        {
            Status("Bid.FileUploaded", result.Value.FileName);
        }

        return RedirectToAction(nameof(Edit), null, new { id }, "indicators");
    }

    [HttpPost]
    public async Task<IActionResult> RemoveEvidence(Guid id, int indicatorIndex, Guid fileId, CancellationToken ct)
    {
        var result = await Sender.Send(new RemoveReportEvidenceCommand(id, indicatorIndex, fileId), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            TempData.SetStatus(ErrorText(result));
        }

        return RedirectToAction(nameof(Edit), null, new { id }, "indicators");
    }

    /// <summary>A submitted version (the latest unless <paramref name="version"/> says which).</summary>
    [HttpGet]
    public async Task<IActionResult> Details(Guid id, int? version, CancellationToken ct)
    {
        var result = await Sender.Send(new GetReportQuery(id, version), ct);
        return FailurePage(result) ?? View(ReportViews.Details, new ReportViewModel(result.Value, "Applicant"));
    }

    [HttpGet]
    public async Task<IActionResult> Receipt(Guid id, int version, CancellationToken ct)
    {
        var result = await Sender.Send(new GetReportQuery(id, version), ct);
        return FailurePage(result) ?? View(new ReportViewModel(result.Value, "Applicant"));
    }

    [HttpGet]
    public async Task<IActionResult> ReceiptPdf(Guid id, int version, string? lang, CancellationToken ct)
    {
        var file = await Sender.Send(new GetReportReceiptPdfQuery(id, version, lang == "kk" ? ProtocolLanguage.Kk : ProtocolLanguage.Ru), ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    [HttpGet]
    public async Task<IActionResult> Evidence(Guid id, Guid fileId, CancellationToken ct)
    {
        var file = await Sender.Send(new GetReportEvidenceQuery(id, fileId), ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<IActionResult> EditorAgainAsync(Guid id, Result result, ReportEditorForm form, CancellationToken ct)
    {
        var editor = await Sender.Send(new GetReportEditorQuery(id), ct);
        if (FailurePage(editor) is { } failure)
        {
            return failure;
        }

        AddErrors(result, "Form");
        Response.StatusCode = result.Status == ResultStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        if (result.Status == ResultStatus.Conflict)
        {
            // A colleague's newer draft is shown; what was typed here is not silently kept over it.
            return View(nameof(Edit), new ReportEditorPage(editor.Value, ReportEditorForm.From(editor.Value)));
        }

        return View(nameof(Edit), new ReportEditorPage(editor.Value, form));
    }
}
