using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialOrder.Web.Authorization;
using SocialOrder.Web.Controllers;

namespace SocialOrder.Web.Areas.Admin.Controllers;

[Area("Admin")]
[Authorize(Policy = Policies.Administrator)]
public abstract class AdminController : PortalController;

public sealed class HomeController : AdminController
{
    [HttpGet]
    public IActionResult Index() => View();
}
