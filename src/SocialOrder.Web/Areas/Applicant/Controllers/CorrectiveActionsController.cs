using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Monitoring.AnswerCorrectiveAction;
using SocialOrder.Application.Monitoring.GetVisitPhoto;
using SocialOrder.Web.Infrastructure;

namespace SocialOrder.Web.Areas.Applicant.Controllers;

/// <summary>The organization's members answer the corrective actions of their project's monitoring visits; another organization gets 404.</summary>
public sealed class CorrectiveActionsController : ApplicantController
{
    [HttpPost]
    public async Task<IActionResult> Answer(Guid id, Guid visitId, int finding, string? text, CancellationToken ct)
    {
        var result = await Sender.Send(new AnswerCorrectiveActionCommand(id, visitId, finding, text), ct);
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
            Status("Monitoring.AnswerSent");
        }

        return Redirect(Url.Action("Details", "Projects", new { area = "Applicant", id })! + "#visits-h");
    }

    [HttpGet]
    public async Task<IActionResult> PhotoFile(Guid id, Guid visitId, Guid fileId, CancellationToken ct)
    {
        var file = await Sender.Send(new GetVisitPhotoQuery(id, visitId, fileId), ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }
}
