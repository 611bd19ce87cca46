using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using SocialOrder.Infrastructure.Email;

namespace SocialOrder.Web.Controllers;

[AllowAnonymous]
public sealed class HomeController : PortalController
{
    [HttpGet]
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.PublicPageCaching.Policy)]
    public IActionResult Index() => View();

    // No antiforgery token: the language buttons sit on pages stored for every anonymous visitor (ADR 29), and a
    // forged request could only change the visitor's language.
    [HttpPost]
    [Route("/culture")]
    [IgnoreAntiforgeryToken]
    public IActionResult SetCulture(string culture, string? returnUrl, [FromServices] TimeProvider time)
    {
        if (PortalSetup.Cultures.Contains(culture))
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = time.GetUtcNow().AddYears(1), IsEssential = true, Secure = Request.IsHttps, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }

        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    // Re-executed for any method (a failed POST lands here too), so no verb filter and no antiforgery check; and no
    // bound parameter, since binding reads the posted form, which may be the very thing that could not be read.
    [Route("/Error/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : 500;
        var known = code is 400 or 403 or 404 or 429 or 500 ? code : 500;
        Response.StatusCode = code;
        if (code == 429 && int.TryParse(Response.Headers.RetryAfter, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            ViewData["RetryAfterMinutes"] = Math.Max(1, (seconds + 59) / 60);
        }
        return View("Error", known);
    }

    /// <summary>
    /// Development e-mail: lists what the outbox sender wrote, so a newcomer can follow the links. It lists every
    /// password-reset link, so it is off unless asked for, and outside Development and the test host only an
    /// administrator sees it even then.
    /// </summary>
    [HttpGet]
    [Route("/dev/outbox")]
    public IActionResult Outbox(
        [FromServices] IConfiguration configuration, [FromServices] IWebHostEnvironment environment, [FromServices] Microsoft.Extensions.Options.IOptions<EmailOptions> email)
    {
        var anonymousAllowed = environment.IsDevelopment() || environment.IsEnvironment("Testing");
        if (!configuration.GetValue<bool>("DevOutbox:Enabled") || !(anonymousAllowed || User.IsInRole(Application.Common.Interfaces.Roles.Administrator)))
        {
            return NotFound();
        }

        return View(OutboxEmailSender.ReadAll(email.Value.OutboxPath).Take(100).ToList());
    }
}
