using Microsoft.Playwright;
using SocialOrder.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialOrder.Web.BrowserTests;

/// <summary>The browser portal with the portal's default rate limits, not the raised ones of the other browser tests.</summary>
public sealed class RealLimitsBrowserPortal : BrowserPortal
{
    protected override bool RealRateLimits => true;
}

public sealed class RateLimitBrowserTests(RealLimitsBrowserPortal portal) : IClassFixture<RealLimitsBrowserPortal>
{
    [Fact]
    public async Task SignIn_RepeatedForOneAccount_ReachesTheTooManyAttemptsPage()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        var budget = new RateLimitsOptions().SignIn.PerAccount;

        for (var attempt = 1; attempt <= budget; attempt++)
        {
            await Pages.SignInAsync(page, "guesser@example.kz", "wrong-password-" + attempt);
            await Expect(page.GetByTestId("form-errors")).ToHaveTextAsync(PortalText.Get("Account.InvalidLogin"));
        }

        var refused = await page.RunAndWaitForResponseAsync(
            () => Pages.SignInAsync(page, "guesser@example.kz", "one-more-guess"),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/Account/Login");

        Assert.Equal(429, refused.Status);
        Assert.True(int.TryParse(await refused.HeaderValueAsync("retry-after"), System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0, "The 429 answer carries no Retry-After.");
        var errorPage = page.GetByTestId("error-page");
        await Expect(errorPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(PortalText.Get("Error.429.Title"));
        await Expect(page.GetByTestId("retry-after")).ToHaveTextAsync(PortalText.Format("Error.429.RetryAfter", "ru", 1));
        await Expect(page.GetByTestId("main-nav")).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(page, "too-many-attempts");
    }
}
