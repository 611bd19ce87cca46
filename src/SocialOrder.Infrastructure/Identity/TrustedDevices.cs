using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace SocialOrder.Infrastructure.Identity;

/// <summary>
/// A browser the owner has proved to be theirs, by signing in or by following the unlock link from their e-mail: a
/// protected cookie naming the account. A locked account still lets that browser in with the right password, and its
/// wrong passwords do not count towards the lock, so guessers elsewhere cannot keep the owner out (ADR 21).
/// </summary>
public sealed class TrustedDevices(IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = "socialorder.device";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);
    private readonly IDataProtector _protector = protection.CreateProtector("SocialOrder.TrustedDevice.v1");

    public bool IsTrusted(HttpContext? context, Guid userId)
    {
        if (context?.Request.Cookies[CookieName] is not { Length: > 0 } value)
        {
            return false;
        }

        try
        {
            var parts = _protector.Unprotect(value).Split('|');
            return parts.Length == 2 && Guid.TryParse(parts[0], out var id) && id == userId
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                && time.GetUtcNow().ToUnixTimeSeconds() < expires;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    public void Trust(HttpContext? context, Guid userId)
    {
        if (context is null)
        {
            return;
        }

        var expires = time.GetUtcNow().Add(Lifetime);
        var value = _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{userId:N}|{expires.ToUnixTimeSeconds()}"));
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Expires = expires,
            IsEssential = true,
        });
    }
}
