using System.Globalization;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace SocialOrder.Infrastructure.Identity;

/// <summary>
/// RFC 6238 codes (SHA-1, 6 digits, 30 seconds) over Identity's own authenticator key, read from the portal's
/// <see cref="TimeProvider"/> rather than the machine clock, accepting one step either side, and never the same
/// time step twice for one account (RFC 6238 §5.2), so a code seen over a shoulder cannot be replayed (ADR 15).
/// </summary>
public sealed class TotpAuthenticatorTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string ProviderName = "PortalAuthenticator";

    private const string StoreProvider = "[PortalAuthenticator]";
    private const string LastStepName = "LastTimeStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>Codes come from the user's authenticator app; the portal never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var code = new string((token ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit) || string.IsNullOrWhiteSpace(key))
        {
            return false;
        }

        byte[] secret;
        try
        {
            secret = Base32Encoding.ToBytes(key);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var totp = new Totp(secret, step: 30, mode: OtpHashMode.Sha1, totpSize: 6);
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }

        var last = await manager.GetAuthenticationTokenAsync(user, StoreProvider, LastStepName);
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
        {
            return false;
        }

        await manager.SetAuthenticationTokenAsync(user, StoreProvider, LastStepName, step.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>Forgets the last used step, with the key it belonged to.</summary>
    public static Task ForgetAsync(UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return manager.RemoveAuthenticationTokenAsync(user, StoreProvider, LastStepName);
    }
}
