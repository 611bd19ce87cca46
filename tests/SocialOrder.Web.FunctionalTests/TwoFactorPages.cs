using System.Net;
using System.Text.RegularExpressions;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>What a user does on the two-factor pages, through HTTP: enrol from the shown key, sign in with a code.</summary>
public static partial class TwoFactorPages
{
    /// <summary>The shared key as the enrolment page shows it (groups of four).</summary>
    public static string SharedKey(string html)
    {
        var match = SharedKeyRegex().Match(html);
        Assert.True(match.Success, "The enrolment page shows no shared key.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static IReadOnlyList<string> RecoveryCodes(string html) =>
        RecoveryCodeRegex().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).ToList();

    /// <summary>Opens the enrolment page, reads the key, confirms with the current code; answers the key and the recovery codes.</summary>
    public static async Task<(string Key, IReadOnlyList<string> Codes)> EnrolAsync(WebPage page, PortalFactory app)
    {
        var (status, html) = await page.GetAsync("/Account/TwoFactor");
        Assert.Equal(HttpStatusCode.OK, status);
        var key = SharedKey(html);
        using var response = await page.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor", new Dictionary<string, string>
        {
            ["Form.Code"] = Totp.Code(key, app.Clock.GetUtcNow()),
        });
        var answer = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var codes = RecoveryCodes(answer);
        Assert.Equal(10, codes.Count);

        // Each 30-second step is accepted once: the next sign-in needs the next code.
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        return (key, codes);
    }

    /// <summary>Signs in with the password and, when asked, the current code; answers the final response.</summary>
    public static async Task<HttpResponseMessage> SignInWithCodeAsync(WebPage page, PortalFactory app, string email, string key, bool rememberDevice = false)
    {
        using (var first = await page.SignInAsync(email, DemoDataSeeder.DemoPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.StartsWith("/Account/LoginWithCode", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var response = await page.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode", new Dictionary<string, string>
        {
            ["Code"] = Totp.Code(key, app.Clock.GetUtcNow()),
            ["RememberDevice"] = rememberDevice ? "true" : "false",
        });
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        return response;
    }

    [GeneratedRegex("data-testid=\"shared-key\">([^<]+)<")]
    private static partial Regex SharedKeyRegex();

    [GeneratedRegex("data-testid=\"recovery-code\">([^<]+)<")]
    private static partial Regex RecoveryCodeRegex();
}
