using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Organizations.GetOrganizationMembers;
using SocialOrder.Application.Organizations.GetOrganizationsForAdmin;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Web.Areas.Admin.Models;

namespace SocialOrder.Web.Areas.Admin.Controllers;

/// <summary>Registered organizations and their members, for administrators (ADR 31).</summary>
public sealed class OrganizationsController : AdminController
{
    [HttpGet]
    public async Task<IActionResult> Index(string? search, int page = 1, CancellationToken ct = default)
    {
        var organizations = await Sender.Send(new GetOrganizationsForAdminQuery(search, page), ct);
        if (organizations is null)
        {
            return NotFound();
        }

        var reference = await Sender.Send(new GetReferenceDataQuery(IncludeInactive: true), ct);
        return View(new OrganizationsPage(organizations, search, reference.Regions.ToDictionary(r => r.Id)));
    }

    [HttpGet]
    public async Task<IActionResult> Members(Guid id, CancellationToken ct)
    {
        var members = await Sender.Send(new GetOrganizationMembersQuery(id), ct);
        return members is null ? NotFound() : View(members);
    }
}
