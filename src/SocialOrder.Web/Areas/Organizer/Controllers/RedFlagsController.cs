using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.RedFlags.GetCallRedFlags;

namespace SocialOrder.Web.Areas.Organizer.Controllers;

/// <summary>A call's red flags with their evidence (ADR 28): warnings only, nothing is blocked.</summary>
public sealed class RedFlagsController : OrganizerController
{
    [HttpGet]
    public async Task<IActionResult> Index(Guid id, CancellationToken ct)
    {
        var result = await Sender.Send(new GetCallRedFlagsQuery(id), ct);
        return FailurePage(result) ?? View(result.Value);
    }
}
