using Microsoft.AspNetCore.Mvc;

namespace SocialOrder.Web.Areas.Expert.Controllers;

public sealed class HomeController : ExpertController
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await Sender.Send(new SocialOrder.Application.Accounts.GetMyProfile.GetMyProfileQuery(), ct));
}
