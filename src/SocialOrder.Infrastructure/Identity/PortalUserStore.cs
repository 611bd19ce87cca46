using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using SocialOrder.Infrastructure.Persistence;

namespace SocialOrder.Infrastructure.Identity;

/// <summary>
/// Identity's EF store, keeping two-factor recovery codes as SHA-256 hashes rather than in clear (ADR 15): a copy of
/// the database does not hand out sign-ins. Codes are compared without regard to case or surrounding spaces.
/// </summary>
public sealed class PortalUserStore(AppDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, ApplicationRole, AppDbContext, Guid>(context, describer)
{
    public override Task ReplaceCodesAsync(ApplicationUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken = default) =>
        base.ReplaceCodesAsync(user, (recoveryCodes ?? throw new ArgumentNullException(nameof(recoveryCodes))).Select(Hash), cancellationToken);

    public override Task<bool> RedeemCodeAsync(ApplicationUser user, string code, CancellationToken cancellationToken = default) =>
        base.RedeemCodeAsync(user, Hash(code ?? string.Empty), cancellationToken);

    private static string Hash(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant())));
}
