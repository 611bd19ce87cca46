using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;

namespace SocialOrder.Infrastructure.Identity;

/// <summary>Adds the state body an official or observer acts for, and whether two-factor sign-in is on, so checks need no extra query.</summary>
public sealed class PortalClaimsFactory(UserManager<ApplicationUser> users, RoleManager<ApplicationRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, ApplicationRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        if (user.StateBodyId is { } body)
        {
            identity.AddClaim(new Claim(PortalClaims.StateBody, body.ToString()));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(PortalClaims.TwoFactorEnabled, "true"));
        }

        return identity;
    }
}
