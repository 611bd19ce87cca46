using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Evaluation;
using SocialOrder.Application.Evaluation.GetMyExpertProfile;
using SocialOrder.Application.Evaluation.SaveExpertProfile;
using SocialOrder.Application.Evaluation.SetAvailability;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Web.Controllers;

namespace SocialOrder.Web.Areas.Expert.Controllers;

/// <summary>
/// The expert profile: open to expert candidates before approval (areas, regions, languages, CV, consent) and to approved
/// experts, who also set their capacity per call and when they are unavailable. Other accounts get 404.
/// </summary>
[Area("Expert")]
[Authorize]
public sealed class ProfileController : PortalController
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var view = await Sender.Send(new GetMyExpertProfileQuery(), ct);
        return view is null ? NotFound() : View(await PageAsync(view, view.Form, ct));
    }

    [HttpPost]
    public async Task<IActionResult> Index([Bind(Prefix = "Form")] ProfileInput input, CancellationToken ct)
    {
        input ??= new ProfileInput();
        var form = input.ToForm();
        var result = await Sender.Send(new SaveExpertProfileCommand(form), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        var view = await Sender.Send(new GetMyExpertProfileQuery(), ct);
        if (view is null)
        {
            return NotFound();
        }

        if (result.IsFailure)
        {
            AddErrors(result, "Form");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(await PageAsync(view, form, ct));
        }

        Status("Expert.ProfileSaved");
        return RedirectToAction(nameof(Index), "Profile", new { area = "Expert" });
    }

    [HttpPost]
    public async Task<IActionResult> Availability(int maxBidsPerCall, [Bind(Prefix = "Periods")] List<PeriodInput>? periods, CancellationToken ct)
    {
        var list = (periods ?? []).Where(p => p.From is not null || p.To is not null).ToList();
        if (list.Any(p => p.From is null || p.To is null))
        {
            ModelState.Clear();
            ModelState.AddModelError("Availability", L["Expert.PeriodIncomplete"]);
            return await RedisplayAsync(ct);
        }

        var result = await Sender.Send(new SetAvailabilityCommand(maxBidsPerCall, [.. list.Select(p => new Unavailability(p.From!.Value, p.To!.Value, p.Note))]), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            ModelState.Clear();
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError("Availability", Infrastructure.ResultExtensions.Localize(L, e));
            }

            return await RedisplayAsync(ct);
        }

        Status("Expert.AvailabilitySaved");
        return RedirectToAction(nameof(Index), "Profile", new { area = "Expert" });
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        var view = await Sender.Send(new GetMyExpertProfileQuery(), ct);
        if (view is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Index), await PageAsync(view, view.Form, ct));
    }

    private async Task<ExpertProfilePage> PageAsync(ExpertProfileView view, ExpertProfileForm form, CancellationToken ct) =>
        new(view, form, await Sender.Send(new GetReferenceDataQuery(), ct));
}

public sealed record ExpertProfilePage(ExpertProfileView View, ExpertProfileForm Form, ReferenceDataView Reference);

public sealed class ProfileInput
{
    public List<int> PriorityAreaIds { get; set; } = [];

    public List<int> RegionIds { get; set; } = [];

    public bool ReadsKazakh { get; set; }

    public bool ReadsRussian { get; set; }

    public string? Cv { get; set; }

    public bool Consent { get; set; }

    public int MaxBidsPerCall { get; set; } = 10;

    public ExpertProfileForm ToForm() => new(PriorityAreaIds, RegionIds, ReadsKazakh, ReadsRussian, Cv ?? string.Empty, Consent, MaxBidsPerCall);
}

public sealed class PeriodInput
{
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public string? Note { get; set; }
}
