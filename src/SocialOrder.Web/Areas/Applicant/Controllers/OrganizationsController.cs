using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Organizations;
using SocialOrder.Application.Organizations.AcceptInvitation;
using SocialOrder.Application.Organizations.GetMyOrganizations;
using SocialOrder.Application.Organizations.GetOrganization;
using SocialOrder.Application.Organizations.InviteMember;
using SocialOrder.Application.Organizations.RemoveMember;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Web.Areas.Applicant.Models;

namespace SocialOrder.Web.Areas.Applicant.Controllers;

public sealed class OrganizationsController : ApplicantController
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await Sender.Send(new GetMyOrganizationsQuery(), ct));

    [HttpGet]
    public async Task<IActionResult> Register(CancellationToken ct) =>
        View(new RegisterOrganizationPage(new OrganizationForm(), await Sender.Send(new GetReferenceDataQuery(), ct)));

    [HttpPost]
    public async Task<IActionResult> Register([Bind(Prefix = "Form")] OrganizationForm form, CancellationToken ct)
    {
        var result = await Sender.Send(form.ToCommand(), ct);
        if (result.IsFailure)
        {
            AddErrors(result, "Form");
            return View(new RegisterOrganizationPage(form, await Sender.Send(new GetReferenceDataQuery(), ct)));
        }

        Status("Organization.Registered");
        return RedirectToAction(nameof(Details), new { id = result.Value });
    }

    [HttpGet]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var organization = await Sender.Send(new GetOrganizationQuery(id), ct);
        return organization is null ? NotFound() : View(new OrganizationPage(organization, null));
    }

    [HttpPost]
    public async Task<IActionResult> Invite(Guid id, string? email, CancellationToken ct)
    {
        var result = await Sender.Send(new InviteMemberCommand(id, email, UiCulture), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            AddErrors(result);
            var organization = await Sender.Send(new GetOrganizationQuery(id), ct);
            return organization is null ? NotFound() : View(nameof(Details), new OrganizationPage(organization, email));
        }

        Status("Organization.Invited", email!);
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost]
    public async Task<IActionResult> RemoveMember(Guid id, Guid userId, CancellationToken ct)
    {
        var result = await Sender.Send(new RemoveMemberCommand(id, userId), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            AddErrors(result);
            var organization = await Sender.Send(new GetOrganizationQuery(id), ct);
            return organization is null ? NotFound() : View(nameof(Details), new OrganizationPage(organization, null));
        }

        Status("Organization.MemberRemoved");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet]
    public IActionResult Join(string? token) => View(model: token ?? string.Empty);

    [HttpPost]
    [ActionName("Join")]
    public async Task<IActionResult> JoinConfirmed(string? token, CancellationToken ct)
    {
        var result = await Sender.Send(new AcceptInvitationCommand(token ?? string.Empty), ct);
        if (result.IsFailure)
        {
            AddErrors(result);
            return View(model: token ?? string.Empty);
        }

        Status("Organization.Joined");
        return RedirectToAction(nameof(Details), new { id = result.Value });
    }
}
