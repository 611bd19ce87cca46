using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>
/// The test client stands in for a trusted reverse proxy, so each request names its visitor's address; the address
/// delays keep the portal's defaults (5 free failures, then 2 s doubling), the request rate limits stay out of reach.
/// </summary>
public sealed class SignInProtectionPortal : KestrelPortal
{
    protected override bool RealRateLimits => false;

    protected override string? KnownProxies => "127.0.0.1";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Accounts:FreeFailuresPerAddress", "5");
    }
}

/// <summary>Progressive delays per address, lockout per account after ten failures, and the owner's unlock link (ADR 21).</summary>
public sealed class SignInProtectionTests(SignInProtectionPortal portal) : IClassFixture<SignInProtectionPortal>
{
    [Fact]
    public async Task SignIn_AfterFiveFailuresFromOneAddress_ThatAddressWaitsLongerEachTime_OtherAddressesDoNot()
    {
        var page = portal.OpenPage();
        const string guesser = "203.0.113.7";
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(Resources.Text("Account.InvalidLogin"), await SignInAsync(page, $"guess{i}@example.kz", "a wrong password", guesser));
        }

        // Sixth at once: refused without trying the password, even the right one of a real account.
        Assert.Equal(Resources.Text("Account.SignInDelayed", "ru", 2), await SignInAsync(page, "observer@socialorder.kz", DemoDataSeeder.DemoPassword, guesser));
        Assert.Equal(Resources.Text("Account.InvalidLogin"), await SignInAsync(portal.OpenPage(), "guess6@example.kz", "a wrong password", "203.0.113.8"));

        portal.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(Resources.Text("Account.InvalidLogin"), await SignInAsync(page, "guess7@example.kz", "a wrong password", guesser));

        // The sixth failure doubled the wait: 4 s from it.
        portal.Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(Resources.Text("Account.SignInDelayed", "ru", 1), await SignInAsync(page, "guess8@example.kz", "a wrong password", guesser));
        portal.Clock.Advance(TimeSpan.FromSeconds(1));
        using var signedIn = await PostSignInAsync(page, "observer@socialorder.kz", DemoDataSeeder.DemoPassword, guesser);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/Observer", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_AttackersFromManyAddresses_CannotKeepTheOwnerOut_OnceTheOwnerHasFollowedTheUnlockLink()
    {
        const string email = "expert4@socialorder.kz";
        var attacker = portal.OpenPage();
        async Task GuessTenTimesAsync(int round)
        {
            for (var i = 1; i <= 10; i++)
            {
                Assert.Equal(Resources.Text("Account.InvalidLogin"), await SignInAsync(attacker, email, "guess " + i, $"198.51.{round}.{i}"));
            }
        }

        await GuessTenTimesAsync(1);
        var owner = portal.OpenPage();
        Assert.Equal(Resources.Text("Account.LockedOut"), await SignInAsync(owner, email, DemoDataSeeder.DemoPassword, "192.0.2.50"));

        await portal.DeliverEmailsAsync();
        var mail = Assert.Single(portal.Outbox(), m => m.To == email);
        var link = WebUtility.HtmlDecode(Regex.Match(mail.HtmlBody, "href=\"https?://[^/\"]+(/Account/Unlock\\?[^\"]+)\"").Groups[1].Value);
        Assert.NotEmpty(link);
        using (var unlocked = await owner.PostFormAsync(link, "/Account/Unlock", new Dictionary<string, string>
        {
            ["UserId"] = Regex.Match(link, "userId=([^&]+)").Groups[1].Value,
            ["Code"] = Uri.UnescapeDataString(Regex.Match(link, "code=([^&]+)").Groups[1].Value),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        }

        // The attackers lock the account again, from ten new addresses; the owner's browser still gets in.
        await GuessTenTimesAsync(2);
        Assert.Equal(Resources.Text("Account.LockedOut"), await SignInAsync(portal.OpenPage(), email, DemoDataSeeder.DemoPassword, "192.0.2.51"));
        using var signedIn = await PostSignInAsync(owner, email, DemoDataSeeder.DemoPassword, "192.0.2.50");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/Expert", signedIn.Headers.Location!.OriginalString);

        // A forged token unlocks nothing.
        var stranger = portal.OpenPage();
        using var forged = await stranger.PostFormAsync("/Account/Unlock", "/Account/Unlock", new Dictionary<string, string>
        {
            ["UserId"] = Regex.Match(link, "userId=([^&]+)").Groups[1].Value, ["Code"] = "bm90LWEtdG9rZW4",
        });
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains(Resources.Text("Account.InvalidToken"), WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static async Task<string> SignInAsync(WebPage page, string email, string password, string address)
    {
        using var response = await PostSignInAsync(page, email, password, address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(Regex.Replace(Regex.Match(html, "data-testid=\"form-errors\"[^>]*>(.*?)</div>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>", string.Empty)).Trim();
    }

    private static async Task<HttpResponseMessage> PostSignInAsync(WebPage page, string email, string password, string address)
    {
        var (_, form) = await page.GetAsync("/Account/Login");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = WebPage.AntiforgeryToken(form),
            }),
        };
        request.Headers.Add("X-Forwarded-For", address);
        return await page.Client.SendAsync(request);
    }
}
