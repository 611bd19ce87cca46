using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SocialOrder.Application.Appeals.FileAppeal;
using SocialOrder.Application.Appeals.GetAppealDocument;
using SocialOrder.Application.Appeals.GetBidAppeal;
using SocialOrder.Web.Infrastructure;

namespace SocialOrder.Web.Areas.Applicant.Controllers;

/// <summary>A complaint about a call's procedure, filed from one of the organization's bids after the results (ADR 28).</summary>
public sealed class AppealsController : ApplicantController
{
    [HttpGet]
    public async Task<IActionResult> File(Guid id, CancellationToken ct)
    {
        var page = await Sender.Send(new GetBidAppealQuery(id), ct);
        return FailurePage(page) ?? View(new AppealFileModel(page.Value, new AppealForm()));
    }

    [HttpPost]
    [RequestSizeLimit(110 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 110 * 1024 * 1024)]
    [EnableRateLimiting(RateLimitPolicies.Uploads)]
    [ActionName("File")]
    public async Task<IActionResult> FilePost(Guid id, AppealForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var uploads = new List<AppealUpload>();
        foreach (var file in form.Documents ?? [])
        {
            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            uploads.Add(new AppealUpload(file.FileName, buffer.ToArray()));
        }

        var result = await Sender.Send(new FileAppealCommand(id, form.Reasons ?? string.Empty, uploads), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            AddErrors(result);
            var page = await Sender.Send(new GetBidAppealQuery(id), ct);
            if (FailurePage(page) is { } gone)
            {
                return gone;
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new AppealFileModel(page.Value, form));
        }

        Status("Appeal.Filed");
        return RedirectToAction(nameof(File), new { id });
    }

    /// <summary>A document the organization filed (id: the complaint).</summary>
    [HttpGet]
    public async Task<IActionResult> Document(Guid id, Guid fileId, CancellationToken ct)
    {
        var file = await Sender.Send(new GetAppealDocumentQuery(id, fileId), ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }
}

public sealed class AppealForm
{
    public string? Reasons { get; set; }

    public List<IFormFile>? Documents { get; set; }
}

public sealed record AppealFileModel(BidAppealPage Page, AppealForm Form);
