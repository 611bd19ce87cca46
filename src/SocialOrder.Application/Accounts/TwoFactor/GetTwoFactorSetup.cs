using Mediator;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;

namespace SocialOrder.Application.Accounts.TwoFactor;

/// <summary>
/// The signed-in user's two-factor page. Until enrolled: the shared key (made on first sight, as Identity does)
/// and the otpauth:// address for the QR code; afterwards: how many recovery codes are left.
/// </summary>
public sealed record TwoFactorSetup(bool Enabled, bool Required, int RecoveryCodesLeft, string? SharedKey, string? AuthenticatorUri)
{
    /// <summary>The key in groups of four, easier to type into an app by hand.</summary>
    public string? FormattedKey => SharedKey is null
        ? null
        : string.Join(' ', SharedKey.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
}

public sealed record GetTwoFactorSetupQuery : IQuery<TwoFactorSetup?>;

public sealed class GetTwoFactorSetupQueryHandler(IIdentityService identity, ICurrentUser user, IOptions<TwoFactorOptions> options)
    : IQueryHandler<GetTwoFactorSetupQuery, TwoFactorSetup?>
{
    public async ValueTask<TwoFactorSetup?> Handle(GetTwoFactorSetupQuery query, CancellationToken cancellationToken)
    {
        if (user.Id is not { } id || await identity.GetTwoFactorStateAsync(id) is not { } state)
        {
            return null;
        }

        var required = TwoFactorRules.IsRequiredFor(user, options.Value);
        if (state.Enabled || state.SharedKey is null)
        {
            return new TwoFactorSetup(state.Enabled, required, state.RecoveryCodesLeft, null, null);
        }

        var label = Uri.EscapeDataString(TwoFactorOptions.Issuer + ":" + state.Email);
        var uri = $"otpauth://totp/{label}?secret={state.SharedKey}&issuer={Uri.EscapeDataString(TwoFactorOptions.Issuer)}&algorithm=SHA1&digits=6&period=30";
        return new TwoFactorSetup(false, required, 0, state.SharedKey, uri);
    }
}

public static class TwoFactorRules
{
    /// <summary>Administrators and officials must use two-factor sign-in unless the setting turns that off.</summary>
    public static bool IsRequiredFor(ICurrentUser user, TwoFactorOptions options)
    {
        ArgumentNullException.ThrowIfNull(user);
        return IsRequiredFor(user.IsInRole, options);
    }

    public static bool IsRequiredFor(Func<string, bool> isInRole, TwoFactorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.RequiredForStaff && Roles.All.Where(TwoFactorOptions.RoleRequiresIt).Any(isInRole);
    }
}
