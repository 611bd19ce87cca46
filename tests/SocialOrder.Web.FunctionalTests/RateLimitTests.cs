using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Testing;
using SocialOrder.Web.Infrastructure;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>
/// The portal on a real Kestrel port, so that requests arrive from a real client address (127.0.0.1), with the
/// portal's default rate limits (not the raised ones of the other suites).
/// </summary>
public abstract class KestrelPortal : PortalFactory, IAsyncLifetime
{
    protected KestrelPortal() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    protected override bool RealRateLimits => true;

    /// <summary>Proxy:KnownProxies for this portal; null: none configured.</summary>
    protected virtual string? KnownProxies => null;

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        BaseAddress = new Uri(addresses.First());
    }

    /// <summary>A browser-like client over the socket: cookies kept, redirects not followed.</summary>
    public WebPage OpenPage() =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (KnownProxies is { } proxies)
        {
            builder.UseSetting("Proxy:KnownProxies", proxies);
        }
    }
}

public sealed class DefaultLimitsPortal : KestrelPortal;

/// <summary>A proxy is configured, but not the address the test's requests come from.</summary>
public sealed class UntrustedProxyPortal : KestrelPortal
{
    protected override string? KnownProxies => "10.20.30.40";
}

/// <summary>The test client stands in for the reverse proxy: its X-Forwarded-For names the visitor.</summary>
public sealed class TrustedProxyPortal : KestrelPortal
{
    protected override string? KnownProxies => "127.0.0.1";
}

internal static class SignInAttempts
{
    public static RateLimit Defaults { get; } = new RateLimitsOptions().SignIn;

    public static async Task<string> TokenAsync(WebPage page)
    {
        var (_, html) = await page.GetAsync("/Account/Login");
        return WebPage.AntiforgeryToken(html);
    }

    /// <summary>One failed sign-in as a browser posts it, optionally with an X-Forwarded-For header.</summary>
    public static async Task<HttpResponseMessage> PostAsync(WebPage page, string token, string email, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email, ["Password"] = "not-the-password", ["__RequestVerificationToken"] = token,
            }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await page.Client.SendAsync(request);
    }

    public static string Email(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i}@example.kz");
}

public sealed class RateLimitTests(DefaultLimitsPortal portal) : IClassFixture<DefaultLimitsPortal>
{
    [Fact]
    public async Task SignIn_RepeatedFromOneAddress_Gets429WithRetryAfterAndLocalizedPage_EvenWithForgedForwardedFor()
    {
        var page = portal.OpenPage();
        await page.ChooseLanguageAsync("kk");
        var token = await SignInAttempts.TokenAsync(page);

        // Each attempt names another e-mail and forges another X-Forwarded-For: with no proxy configured neither helps.
        for (var i = 1; i <= SignInAttempts.Defaults.PerAddress; i++)
        {
            using var allowed = await SignInAttempts.PostAsync(page, token, SignInAttempts.Email("someone", i), $"198.51.100.{i}");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await SignInAttempts.PostAsync(page, token, SignInAttempts.Email("someone", 99), "198.51.100.99");
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("No Retry-After header.");
        Assert.InRange(retryAfter.TotalSeconds, 1, SignInAttempts.Defaults.WindowSeconds);
        Assert.Contains("data-testid=\"error-page\"", html, StringComparison.Ordinal);
        Assert.Contains(Resources.Text("Error.429.Title", "kk"), html, StringComparison.Ordinal);
        Assert.Contains(Resources.Text("Error.429.RetryAfter", "kk", 1), html, StringComparison.Ordinal);
        Assert.Contains("lang=\"kk\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);

        await page.ChooseLanguageAsync("en");
        using var english = await SignInAttempts.PostAsync(page, token, "another@example.kz");
        Assert.Equal(HttpStatusCode.TooManyRequests, english.StatusCode);
        Assert.Contains(Resources.Text("Error.429.Title", "en"), await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Pages without a policy are not limited.
        var (home, _) = await page.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home);
    }

    [Fact]
    public async Task Responses_FromKestrel_CarryNoServerHeader()
    {
        using var response = await portal.OpenPage().Client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), "Kestrel must not announce itself.");
        Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Opener-Policy").Single());
    }
}

public sealed class UntrustedForwardedForTests(UntrustedProxyPortal portal) : IClassFixture<UntrustedProxyPortal>
{
    [Fact]
    public async Task SignIn_WithForwardedForFromAnAddressThatIsNotAKnownProxy_CountsAgainstTheConnectionAddress()
    {
        var page = portal.OpenPage();
        var token = await SignInAttempts.TokenAsync(page);
        for (var i = 1; i <= SignInAttempts.Defaults.PerAddress; i++)
        {
            using var allowed = await SignInAttempts.PostAsync(page, token, SignInAttempts.Email("visitor", i), $"203.0.113.{i}");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await SignInAttempts.PostAsync(page, token, SignInAttempts.Email("visitor", 77), "203.0.113.77");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }
}

public sealed class TrustedProxyRateLimitTests(TrustedProxyPortal portal) : IClassFixture<TrustedProxyPortal>
{
    [Fact]
    public async Task SignIn_FromAnotherForwardedAddress_IsNotLimitedByTheFirstAddressBudget()
    {
        var page = portal.OpenPage();
        var token = await SignInAttempts.TokenAsync(page);
        for (var i = 1; i <= SignInAttempts.Defaults.PerAddress; i++)
        {
            using var allowed = await SignInAttempts.PostAsync(page, token, SignInAttempts.Email("first", i), "203.0.113.10");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await SignInAttempts.PostAsync(page, token, "first-last@example.kz", "203.0.113.10");
        using var other = await SignInAttempts.PostAsync(page, token, "second@example.kz", "203.0.113.11");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task SignIn_ForOneAccountFromManyAddresses_IsLimitedByTheAccountBudget()
    {
        var page = portal.OpenPage();
        var token = await SignInAttempts.TokenAsync(page);
        for (var i = 1; i <= SignInAttempts.Defaults.PerAccount; i++)
        {
            using var allowed = await SignInAttempts.PostAsync(page, token, "target@example.kz", $"192.0.2.{i}");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        // The same account in other letters, from a fresh address: still the same account's budget.
        using var refused = await SignInAttempts.PostAsync(page, token, " TARGET@example.kz ", "192.0.2.200");
        using var otherAccount = await SignInAttempts.PostAsync(page, token, "bystander@example.kz", "192.0.2.200");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
    }
}

/// <summary>The portal over the test server with its default limits (every request from one unknown address).</summary>
public sealed class DefaultLimitsTestServerPortal : PortalFactory
{
    protected override bool RealRateLimits => true;
}

public sealed class AccountFormRateLimitTests(DefaultLimitsTestServerPortal app) : IClassFixture<DefaultLimitsTestServerPortal>
{
    [Fact]
    public async Task ForgotPassword_ForOneEmail_IsLimitedByTheAccountBudget_OtherEmailsAreNot()
    {
        var limit = new RateLimitsOptions().PasswordReset;
        var page = WebPage.Open(app);
        for (var i = 0; i < limit.PerAccount; i++)
        {
            using var allowed = await page.PostFormAsync("/Account/ForgotPassword", "/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "reset-me@example.kz" });
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var refused = await page.PostFormAsync("/Account/ForgotPassword", "/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "Reset-Me@example.kz" });
        using var other = await page.PostFormAsync("/Account/ForgotPassword", "/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "someone-else@example.kz" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Fact]
    public async Task Subscribe_ForOneEmail_IsLimitedByTheAccountBudgetReadFromThePrefixedField()
    {
        var limit = new RateLimitsOptions().Subscriptions;
        var page = WebPage.Open(app);
        for (var i = 0; i < limit.PerAccount; i++)
        {
            using var allowed = await page.PostFormAsync("/Calls/subscribe", "/Calls/subscribe", new Dictionary<string, string> { ["Form.Email"] = "news@example.kz" });
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var refused = await page.PostFormAsync("/Calls/subscribe", "/Calls/subscribe", new Dictionary<string, string> { ["Form.Email"] = "news@example.kz" });
        using var other = await page.PostFormAsync("/Calls/subscribe", "/Calls/subscribe", new Dictionary<string, string> { ["Form.Email"] = "other-news@example.kz" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }
}
