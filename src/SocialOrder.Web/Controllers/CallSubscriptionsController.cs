using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SocialOrder.Application.Calls.ConfirmCallSubscription;
using SocialOrder.Application.Calls.Subscriptions;
using SocialOrder.Application.Calls.UnsubscribeFromCalls;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Web.Infrastructure;
using SocialOrder.Web.Models;

namespace SocialOrder.Web.Controllers;

/// <summary>
/// "Notify me of new calls": subscribe, confirm and unsubscribe. The links in e-mails open a page whose button
/// posts, so that mail scanners that follow links neither confirm nor cancel anything.
/// </summary>
[AllowAnonymous]
[Route("Calls")]
public sealed class CallSubscriptionsController : PortalController
{
    [HttpGet("subscribe")]
    public async Task<IActionResult> Subscribe(int? region, int? area, CancellationToken ct) =>
        View(await ModelAsync(new SubscriptionForm { RegionId = region, PriorityAreaId = area }, ct));

    // No antiforgery token: the form sits on the catalogue, which is stored for every anonymous visitor (ADR 29). The
    // request needs no session, so a forged one could do no more than its author could directly: ask for a
    // confirmation e-mail (double opt-in), within the same rate limits.
    [HttpPost("subscribe")]
    [IgnoreAntiforgeryToken]
    [EnableRateLimiting(RateLimitPolicies.Subscriptions)]
    [RateLimitAccountField("Form." + nameof(SubscriptionForm.Email))]
    public async Task<IActionResult> Subscribe([Bind(Prefix = "Form")] SubscriptionForm form, CancellationToken ct)
    {
        var result = await Sender.Send(form.ToCommand(UiCulture), ct);
        if (result.IsFailure)
        {
            AddErrors(result, "Form");
            return View(await ModelAsync(form, ct));
        }

        Status("Subscription.CheckYourInbox");
        return RedirectToAction("Index", "Calls");
    }

    [HttpGet("subscriptions/confirm")]
    public IActionResult Confirm(string? token) => View(new SubscriptionActionModel(token ?? string.Empty, null));

    [HttpPost("subscriptions/confirm")]
    [ActionName("Confirm")]
    public async Task<IActionResult> ConfirmPost(string? token, CancellationToken ct)
    {
        var result = await Sender.Send(new ConfirmCallSubscriptionCommand(token ?? string.Empty), ct);
        return View("Confirm", new SubscriptionActionModel(token ?? string.Empty, result.IsSuccess));
    }

    [HttpGet("subscriptions/unsubscribe")]
    public IActionResult Unsubscribe(string? token) => View(new SubscriptionActionModel(token ?? string.Empty, null));

    [HttpPost("subscriptions/unsubscribe")]
    [ActionName("Unsubscribe")]
    public async Task<IActionResult> UnsubscribePost(string? token, CancellationToken ct)
    {
        var result = await Sender.Send(new UnsubscribeFromCallsCommand(token ?? string.Empty), ct);
        return View("Unsubscribe", new SubscriptionActionModel(token ?? string.Empty, result.IsSuccess));
    }

    private async Task<SubscribeModel> ModelAsync(SubscriptionForm form, CancellationToken ct)
    {
        var reference = await Sender.Send(new GetReferenceDataQuery(), ct);
        return new SubscribeModel(form, reference.Regions, reference.PriorityAreas);
    }
}
