using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Appeals.AnswerAppeal;
using SocialOrder.Application.Appeals.GetAppealDocument;
using SocialOrder.Application.Appeals.GetCallAppeals;

namespace SocialOrder.Web.Areas.Organizer.Controllers;

/// <summary>The complaints about a call's procedure and the body's answers (ADR 28); id is the call, so another body's is 404.</summary>
public sealed class AppealsController : OrganizerController
{
    [HttpGet]
    public async Task<IActionResult> Index(Guid id, int page = 1, CancellationToken ct = default)
    {
        var result = await Sender.Send(new GetCallAppealsQuery(id, page), ct);
        return FailurePage(result) ?? View(result.Value);
    }

    [HttpPost]
    public async Task<IActionResult> Answer(Guid id, Guid appealId, bool upheld, string? answer, CancellationToken ct)
    {
        var result = await Sender.Send(new AnswerAppealCommand(id, appealId, upheld, answer ?? string.Empty), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            ModelState.Clear();
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError($"answer-{appealId}", Infrastructure.ResultExtensions.Localize(L, e));
            }

            var page = await Sender.Send(new GetCallAppealsQuery(id), ct);
            if (FailurePage(page) is { } gone)
            {
                return gone;
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), page.Value);
        }

        Status(upheld ? "Appeal.UpheldStatus" : "Appeal.RejectedStatus");
        return RedirectToAction(nameof(Index), new { id });
    }

    [HttpGet]
    public async Task<IActionResult> Document(Guid id, Guid appealId, Guid fileId, CancellationToken ct)
    {
        var file = await Sender.Send(new GetAppealDocumentQuery(appealId, fileId), ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }
}
