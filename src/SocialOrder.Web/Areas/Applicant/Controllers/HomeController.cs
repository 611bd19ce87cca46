using Microsoft.AspNetCore.Mvc;

namespace SocialOrder.Web.Areas.Applicant.Controllers;

public sealed class HomeController : ApplicantController
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await Sender.Send(new SocialOrder.Application.Accounts.GetMyProfile.GetMyProfileQuery(), ct));
}
