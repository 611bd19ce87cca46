using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialOrder.Web.Authorization;
using SocialOrder.Web.Controllers;

namespace SocialOrder.Web.Areas.Observer.Controllers;

[Area("Observer")]
[Authorize(Policy = Policies.Observer)]
public sealed class HomeController : PortalController
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await Sender.Send(new SocialOrder.Application.Accounts.GetMyProfile.GetMyProfileQuery(), ct));
}
