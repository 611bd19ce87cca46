using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Auditing.GetAuditEvents;
using SocialOrder.Application.Auditing.VerifyAuditChain;

namespace SocialOrder.Web.Areas.Admin.Controllers;

public sealed class AuditController : AdminController
{
    [HttpGet]
    public async Task<IActionResult> Index(string? action, string? actor, string? outcome, int page = 1, CancellationToken ct = default)
    {
        ViewData["FilterAction"] = action;
        ViewData["FilterActor"] = actor;
        ViewData["FilterOutcome"] = outcome;
        return View(await Sender.Send(new GetAuditEventsQuery(action, actor, outcome, page), ct));
    }

    [HttpPost]
    public async Task<IActionResult> Verify(CancellationToken ct)
    {
        var report = await Sender.Send(new VerifyAuditChainQuery(), ct);
        if (report.FirstBrokenId is { } broken)
        {
            Status("Audit.ChainBroken", broken);
        }
        else if (report.FirstMismatchedHeadSequence is { } head)
        {
            Status("Audit.HeadMismatch", head);
        }
        else
        {
            Status("Audit.ChainIntact", report.Checked, report.HeadsChecked);
        }

        return RedirectToAction(nameof(Index));
    }
}
