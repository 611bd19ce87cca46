using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Standards.GetPublicStandard;
using SocialOrder.Application.Standards.GetPublicStandards;

namespace SocialOrder.Web.Controllers;

/// <summary>The public register of service standards and each published (or superseded) version; no sign-in.</summary>
[AllowAnonymous]
public sealed class StandardsController : PortalController
{
    [HttpGet("/Standards")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default) => View(await Sender.Send(new GetPublicStandardsQuery(page), ct));

    [HttpGet("/Standards/{code}/{version:int}")]
    public async Task<IActionResult> Details(string code, int version, CancellationToken ct) =>
        await Sender.Send(new GetPublicStandardQuery(code, version), ct) is { } standard ? View(standard) : NotFound();
}
