using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Feedback.GetProjectFeedback;
using SocialOrder.Application.Feedback.OpenFeedbackPoster;

namespace SocialOrder.Web.Controllers;

/// <summary>
/// A project's beneficiary feedback for the body's officials and the organization's members: the ratings with their
/// comments, and the printable poster with the QR code of the public form. Anyone else (observers, another body) gets 404.
/// </summary>
[Authorize]
public sealed class ProjectFeedbackController : PortalController
{
    [HttpGet("/Projects/{id:guid}/Feedback")]
    public async Task<IActionResult> Index(Guid id, int page = 1, CancellationToken ct = default) =>
        await Sender.Send(new GetProjectFeedbackQuery(id, page), ct) is { } feedback ? View(feedback) : NotFound();

    [HttpGet("/Projects/{id:guid}/Poster")]
    public async Task<IActionResult> Poster(Guid id, CancellationToken ct)
    {
        var result = await Sender.Send(new OpenFeedbackPosterCommand(id), ct);
        return FailurePage(result) ?? View(result.Value);
    }
}
