using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Accounts;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Infrastructure.Persistence;

namespace SocialOrder.Web.Infrastructure;

/// <summary>
/// The sign-in cookie's server-side rules (ADR 31). Staff (administrators, officials) get a cookie that lives
/// <c>Accounts:StaffIdleMinutes</c> from their last request and is renewed on each one; anyone else keeps the
/// portal's 8-hour sliding cookie. A deactivated account's cookie is refused at its next request, without waiting for
/// the security-stamp check. Nothing here trusts the page's script: it only asks (by a request) to stay signed in.
/// </summary>
public static class SessionCookieEvents
{
    public static bool IsStaff(System.Security.Claims.ClaimsPrincipal? principal) =>
        principal is not null && (principal.IsInRole(Roles.Administrator) || principal.IsInRole(Roles.Official));

    public static TimeSpan? StaffIdle(HttpContext context)
    {
        var minutes = context.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.StaffIdleMinutes;
        return minutes > 0 ? TimeSpan.FromMinutes(minutes) : null;
    }

    public static Task OnSigningIn(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsStaff(context.Principal) && StaffIdle(context.HttpContext) is { } idle)
        {
            var now = context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;
            context.Properties.IssuedUtc = now;
            context.Properties.ExpiresUtc = now + idle;
        }

        return Task.CompletedTask;
    }

    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is not { } principal)
        {
            return;
        }

        var id = principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        if (Guid.TryParse(id, out var userId))
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
            if (await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.DeactivatedAt != null, context.HttpContext.RequestAborted))
            {
                await RejectAsync(context);
                return;
            }
        }

        if (!IsStaff(principal) || StaffIdle(context.HttpContext) is not { } idle)
        {
            return;
        }

        // The cookie's own expiry already refuses a staff cookie idle longer than this; an older cookie (issued for
        // 8 hours before this rule) is measured from its last renewal.
        var now = context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;
        if (context.Properties.IssuedUtc is not { } issued || now - issued > idle)
        {
            await RejectAsync(context);
            return;
        }

        // Renewed on every request, so the cookie lives exactly the idle time from the last one.
        context.Properties.IssuedUtc = now;
        context.Properties.ExpiresUtc = now + idle;
        context.ShouldRenew = true;
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
