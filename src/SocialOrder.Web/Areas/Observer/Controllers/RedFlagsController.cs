using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.RedFlags.GetCallRedFlags;

namespace SocialOrder.Web.Areas.Observer.Controllers;

/// <summary>A call's red flags with their evidence, read-only (ADR 28).</summary>
public sealed class RedFlagsController : ObserverController
{
    [HttpGet]
    public async Task<IActionResult> Index(Guid id, CancellationToken ct)
    {
        var result = await Sender.Send(new GetCallRedFlagsQuery(id), ct);
        return FailurePage(result) ?? View("~/Areas/Organizer/Views/RedFlags/Index.cshtml", result.Value);
    }
}
