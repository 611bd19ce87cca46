using Microsoft.AspNetCore.Mvc;

namespace SocialOrder.Web.Areas.Organizer.Controllers;

public sealed class HomeController : OrganizerController
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await Sender.Send(new SocialOrder.Application.Accounts.GetMyProfile.GetMyProfileQuery(), ct));
}
