using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SocialOrder.Application.Feedback.GetFeedbackForm;
using SocialOrder.Application.Feedback.SubmitFeedback;
using SocialOrder.Web.Infrastructure;
using SocialOrder.Web.Models;

namespace SocialOrder.Web.Controllers;

/// <summary>
/// A project's public feedback form, reached by the token on its poster's QR code (never by an agreement id). No
/// sign-in; rate-limited per client address; a hidden honeypot field catches simple bots. It shows and takes nothing else.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.Feedback)]
public sealed class FeedbackController : PortalController
{
    [HttpGet("/Feedback/{token}")]
    public async Task<IActionResult> Index(string token, CancellationToken ct)
    {
        var form = await Sender.Send(new GetFeedbackFormQuery(token), ct);
        return form is null ? NotFound() : View(new FeedbackPage(form, new FeedbackEntryForm(), false));
    }

    [HttpPost("/Feedback/{token}")]
    public async Task<IActionResult> Index(string token, [Bind(Prefix = "Form")] FeedbackEntryForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await Sender.Send(new SubmitFeedbackCommand(token, form.Rating, form.Comment, form.Website, UiCulture), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        var page = await Sender.Send(new GetFeedbackFormQuery(token), ct);
        if (page is null)
        {
            return NotFound();
        }

        if (result.IsFailure)
        {
            AddErrors(result, "Form");
            return View(new FeedbackPage(page, form, false));
        }

        return View(new FeedbackPage(page, new FeedbackEntryForm(), true));
    }
}
