using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Monitoring.AddVisitPhoto;
using SocialOrder.Application.Monitoring.GetVisitPhoto;
using SocialOrder.Application.Monitoring.RecordVisit;
using SocialOrder.Application.Monitoring.ReviewCorrectiveAction;
using SocialOrder.Web.Infrastructure;
using SocialOrder.Web.Models;

namespace SocialOrder.Web.Areas.Organizer.Controllers;

/// <summary>
/// Monitoring visits of an agreement of the body: record one, add its photos, close a corrective action or keep it open.
/// An agreement id of another body is 404 before any action (AgreementOfOwnBody); the answers go back to the agreement page.
/// </summary>
public sealed class VisitsController : OrganizerController
{
    [HttpPost]
    public async Task<IActionResult> Record(Guid agreementId, VisitForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var findings = (form.Findings ?? []).Where(f => f is not null && !f.IsEmpty).Select(f => f!.ToInput()).ToList();
        var result = await Sender.Send(new RecordVisitCommand(agreementId, form.VisitedOn, form.Place, form.Participants, form.Checked, form.ObserverId, findings), ct);
        return Back(agreementId, result, "Monitoring.VisitRecorded");
    }

    [HttpPost]
    [RequestSizeLimit(25 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 25 * 1024 * 1024)]
    [EnableRateLimiting(RateLimitPolicies.Uploads)]
    public async Task<IActionResult> Photo(Guid agreementId, Guid visitId, IFormFile? photo, CancellationToken ct)
    {
        byte[] content = [];
        if (photo is not null)
        {
            await using var stream = photo.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }

        var result = await Sender.Send(new AddVisitPhotoCommand(agreementId, visitId, photo?.FileName ?? string.Empty, content), ct);
        return Back(agreementId, result, "Monitoring.PhotoAdded");
    }

    [HttpPost]
    public async Task<IActionResult> Review(Guid agreementId, Guid visitId, int finding, bool close, string? note, CancellationToken ct)
    {
        var result = await Sender.Send(new ReviewCorrectiveActionCommand(agreementId, visitId, finding, close, note), ct);
        return Back(agreementId, result, close ? "Monitoring.ActionClosedStatus" : "Monitoring.ActionKeptOpenStatus");
    }

    [HttpGet]
    public async Task<IActionResult> PhotoFile(Guid agreementId, Guid visitId, Guid fileId, CancellationToken ct)
    {
        var file = await Sender.Send(new GetVisitPhotoQuery(agreementId, visitId, fileId), ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    private IActionResult Back(Guid agreementId, Result result, string success)
    {
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            TempData.SetStatus(ErrorText(result));
        }
        else
        {
            Status(success);
        }

        return Redirect(Url.Action("Details", "Agreements", new { area = "Organizer", agreementId })! + "#visits-h");
    }
}
