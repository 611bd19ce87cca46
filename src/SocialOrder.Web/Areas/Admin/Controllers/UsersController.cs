using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Accounts.CreateStaffAccount;
using SocialOrder.Application.Accounts.DeactivateUser;
using SocialOrder.Application.Accounts.DecideExpertCandidacy;
using SocialOrder.Application.Accounts.ReactivateUser;
using SocialOrder.Application.Accounts.GetUsers;
using SocialOrder.Application.Accounts.TwoFactor;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Web.Areas.Admin.Models;

namespace SocialOrder.Web.Areas.Admin.Controllers;

public sealed class UsersController : AdminController
{
    [HttpGet]
    public async Task<IActionResult> Index(string? search, string? role, bool pending = false, int page = 1, CancellationToken ct = default)
    {
        var users = await Sender.Send(new GetUsersQuery(search, role, pending, page), ct);
        var reference = await Sender.Send(new GetReferenceDataQuery(), ct);
        return View(new UsersPage(users, search, role, pending, reference.StateBodies.ToDictionary(b => b.Id)));
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken ct) => View(await PageAsync(new CreateStaffForm(), ct));

    [HttpPost]
    public async Task<IActionResult> Create([Bind(Prefix = "Form")] CreateStaffForm form, CancellationToken ct)
    {
        var result = await Sender.Send(new CreateStaffAccountCommand(form.Email ?? string.Empty, form.FullName ?? string.Empty, form.Role ?? string.Empty, form.StateBodyId, UiCulture), ct);
        if (result.IsFailure)
        {
            AddErrors(result, "Form");

            return View(await PageAsync(form, ct));
        }

        Status("Admin.StaffCreated", form.Email!);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>An expert candidate's profile (areas, regions, languages, CV) with the approve and reject buttons.</summary>
    [HttpGet]
    public async Task<IActionResult> Expert(Guid id, CancellationToken ct)
    {
        var candidate = await Sender.Send(new SocialOrder.Application.Evaluation.GetExpertCandidate.GetExpertCandidateQuery(id), ct);
        if (candidate is null)
        {
            return NotFound();
        }

        ViewData["Reference"] = await Sender.Send(new SocialOrder.Application.ReferenceData.GetReferenceData.GetReferenceDataQuery(), ct);
        return View(candidate);
    }

    [HttpPost]
    public async Task<IActionResult> Decide(Guid id, bool approve, CancellationToken ct)
    {
        var result = await Sender.Send(new DecideExpertCandidacyCommand(id, approve), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        Status(result.IsSuccess ? (approve ? "Admin.ExpertApproved" : "Admin.ExpertRejected") : result.Errors[0].Code);
        return RedirectToAction(nameof(Index), new { pending = true });
    }

    /// <summary>A user who lost the phone: two-factor sign-in is reset (audited) and their sessions end.</summary>
    [HttpPost]
    public async Task<IActionResult> ResetTwoFactor(Guid id, CancellationToken ct)
    {
        var result = await Sender.Send(new ResetTwoFactorCommand(id), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        Status("Admin.Users.TwoFactorReset", result.Value);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Deactivates an account (ADR 31): no more sign-ins, sessions end at their next request, the owner is e-mailed.</summary>
    [HttpPost]
    public async Task<IActionResult> Deactivate(Guid id, CancellationToken ct)
    {
        var result = await Sender.Send(new DeactivateUserCommand(id), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsSuccess)
        {
            Status("Admin.Users.Deactivated", result.Value);
        }
        else
        {
            Status(result.Errors[0].Code);
        }

        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> Reactivate(Guid id, CancellationToken ct)
    {
        var result = await Sender.Send(new ReactivateUserCommand(id), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsSuccess)
        {
            Status("Admin.Users.Reactivated", result.Value);
        }
        else
        {
            Status(result.Errors[0].Code);
        }

        return RedirectToAction(nameof(Index));
    }

    private async Task<CreateStaffPage> PageAsync(CreateStaffForm form, CancellationToken ct)
    {
        var reference = await Sender.Send(new GetReferenceDataQuery(), ct);
        return new CreateStaffPage(form, reference.StateBodies);
    }
}
