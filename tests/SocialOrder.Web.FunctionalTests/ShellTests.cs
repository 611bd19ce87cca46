using System.Net;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

public sealed class ShellTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Home_ByDefault_IsRussianWithLandmarks()
    {
        var (status, html) = await WebPage.Open(app).GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"ru\">", html, StringComparison.Ordinal);
        Assert.Contains(Resources.Text("Home.Heading"), html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        Assert.Contains("<header>", html, StringComparison.Ordinal);
        Assert.Contains("<footer", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#main\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPage_LinksTheFavicon_WhichIsServedAsSvg()
    {
        var page = WebPage.Open(app);
        var (_, html) = await page.GetAsync("/Calls");
        var href = System.Text.RegularExpressions.Regex.Match(html, "<link rel=\"icon\" href=\"([^\"]+)\" type=\"image/svg\\+xml\"").Groups[1].Value;

        using var response = await page.Client.GetAsync(WebUtility.HtmlDecode(href));

        Assert.StartsWith("/favicon.svg", href, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kk")]
    [InlineData("en")]
    [InlineData("ru")]
    public async Task ChooseLanguage_IsRememberedOnLaterPages(string culture)
    {
        var page = WebPage.Open(app);
        await page.ChooseLanguageAsync(culture);

        var (_, html) = await page.GetAsync("/Account/Login");

        Assert.Contains($"<html lang=\"{culture}\">", html, StringComparison.Ordinal);
        Assert.Contains(Resources.Text("Account.Login.Title", culture), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownUrl_ShowsLocalized404WithoutDetails()
    {
        var page = WebPage.Open(app);
        await page.ChooseLanguageAsync("kk");

        var (status, html) = await page.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(Resources.Text("Error.404.Title", "kk"), html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"kk\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaticAssets_AreServedLocally_NotFromACdn()
    {
        var page = WebPage.Open(app);
        var (_, html) = await page.GetAsync("/");
        var (cssStatus, css) = await page.GetAsync("/lib/bootstrap/css/bootstrap.min.css");

        Assert.Equal(HttpStatusCode.OK, cssStatus);
        Assert.Contains("Bootstrap", css, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", string.Join('\n', html.Split('\n').Where(l => l.Contains("<script", StringComparison.Ordinal) || l.Contains("<link", StringComparison.Ordinal))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_LivenessAndReadiness_AreHealthy()
    {
        var page = WebPage.Open(app);

        var (live, liveText) = await page.GetAsync("/health");
        var (ready, readyText) = await page.GetAsync("/health/ready");

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (live, liveText));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready, readyText));
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        using var response = await WebPage.Open(app).Client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var permissions = response.Headers.GetValues("Permissions-Policy").Single();
        Assert.Contains("camera=()", permissions, StringComparison.Ordinal);
        Assert.Contains("microphone=()", permissions, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
        Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Opener-Policy").Single());
    }

    [Fact]
    public async Task ErrorAndStaticResponses_AlsoCarryPermissionsAndOpenerPolicies()
    {
        var page = WebPage.Open(app);
        foreach (var url in new[] { "/no-such-page", "/css/site.css" })
        {
            using var response = await page.Client.GetAsync(new Uri(url, UriKind.Relative));

            Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Opener-Policy").Single());
        }
    }
}
