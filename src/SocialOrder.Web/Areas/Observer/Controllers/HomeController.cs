using Microsoft.AspNetCore.Mvc;

namespace SocialOrder.Web.Areas.Observer.Controllers;

public sealed class HomeController : ObserverController
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await Sender.Send(new SocialOrder.Application.Accounts.GetMyProfile.GetMyProfileQuery(), ct));
}
