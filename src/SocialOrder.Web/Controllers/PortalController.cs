using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SocialOrder.Application.Common.Results;
using SocialOrder.Web.Infrastructure;

namespace SocialOrder.Web.Controllers;

/// <summary>What every controller does: send one message, and turn a failed result into the right response.</summary>
public abstract class PortalController : Controller
{
    private ISender? _sender;
    private IStringLocalizer<SharedResource>? _localizer;

    protected ISender Sender => _sender ??= HttpContext.RequestServices.GetRequiredService<ISender>();

    protected IStringLocalizer<SharedResource> L => _localizer ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    protected static string UiCulture => Formatting.Culture;

    protected void Status(string key, params object[] args) => TempData.SetStatus(args.Length == 0 ? L[key] : L[key, args]);

    /// <summary>NotFound and Forbidden become the error pages; other failures go beside the form's fields.</summary>
    protected IActionResult? FailurePage(Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            ResultStatus.NotFound => NotFound(),
            ResultStatus.Forbidden => NotFound(),
            _ => null,
        };
    }

    /// <summary>All of a result's messages as one localized text, for a status line or a JSON answer.</summary>
    protected string ErrorText(Result result) =>
        string.Join(" ", (result ?? throw new ArgumentNullException(nameof(result))).Errors.Select(e => ResultExtensions.Localize(L, e)));

    /// <summary>An autosave's answer: the new revision and "saved at" time, or the errors by field (409 for a stale revision).</summary>
    protected IActionResult AutosaveAnswer(Result<int> result, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(time);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (result.IsFailure)
        {
            var errors = result.Errors.Select(e => new { field = e.Field is null ? null : "Form." + e.Field, message = ResultExtensions.Localize(L, e) });
            return StatusCode(result.Status == ResultStatus.Conflict ? 409 : 422, new { errors });
        }

        var savedAt = Formatting.KzTime(time.GetUtcNow())[11..];
        return Json(new { revision = result.Value, message = string.Format(System.Globalization.CultureInfo.CurrentCulture, L["Bid.SavedAt"].Value, savedAt) });
    }

    /// <summary>Replaces model-binding messages with the use case's own, which are the ones that count.</summary>
    protected void AddErrors(Result result, string? prefix = null)
    {
        ModelState.Clear();
        ModelState.AddResultErrors(result, L, prefix);
    }
}
