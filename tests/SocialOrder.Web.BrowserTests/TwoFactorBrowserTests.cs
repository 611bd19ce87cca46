using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;
using static Microsoft.Playwright.Assertions;

namespace SocialOrder.Web.BrowserTests;

/// <summary>An official enrols in two-factor sign-in from the page (key read off the screen, code computed as an app would) and signs in with a code.</summary>
public sealed class TwoFactorBrowserTests(TwoFactorBrowserPortal portal) : IClassFixture<TwoFactorBrowserPortal>
{
    [Fact]
    public async Task Official_EnrolsOnFirstSignIn_ThenSignsInWithACode_WrongCodeShownBesideTheField()
    {
        const string email = BrowserTestData.OfficialEmail;
        string key;
        await using (var context = await portal.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await Pages.SignInAsync(page, email, DemoDataSeeder.DemoPassword);

            await Expect(page).ToHaveURLAsync(new Regex("/Account/TwoFactor\\?returnUrl=%2FOrganizer$"));
            await Expect(page.GetByTestId("two-factor-required")).ToHaveTextAsync(PortalText.Get("TwoFactor.MustEnrol"));
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = PortalText.Get("TwoFactor.QrLabel") })).ToBeVisibleAsync();
            key = await page.GetByTestId("shared-key").InnerTextAsync();
            var code = page.GetByLabel(PortalText.Get("TwoFactor.Code"), new() { Exact = true });
            await Expect(code).ToHaveAttributeAsync("autocomplete", "one-time-code");
            await Expect(code).ToHaveAttributeAsync("inputmode", "numeric");
            await BrowserPortal.ScreenshotAsync(page, "two-factor-enrolment");

            await code.FillAsync(Totp.Code(key, portal.Clock.GetUtcNow()));
            await page.GetByRole(AriaRole.Button, new() { Name = PortalText.Get("TwoFactor.Enable"), Exact = true }).ClickAsync();

            await Expect(page.GetByTestId("recovery-code")).ToHaveCountAsync(10);
            await page.GetByTestId("continue").ClickAsync();
            await Expect(page).ToHaveURLAsync(portal.Url("/Organizer"));
            await Expect(page.GetByTestId("role-home-Organizer")).ToBeVisibleAsync();
        }

        portal.Clock.Advance(TimeSpan.FromSeconds(30));
        await using (var context = await portal.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await Pages.SignInAsync(page, email, DemoDataSeeder.DemoPassword);
            await Expect(page).ToHaveURLAsync(new Regex("/Account/LoginWithCode"));

            var code = page.GetByLabel(PortalText.Get("TwoFactor.Code"), new() { Exact = true });
            await code.FillAsync(Totp.Code(key, portal.Clock.GetUtcNow().AddMinutes(5)));
            await page.GetByRole(AriaRole.Button, new() { Name = PortalText.Get("TwoFactor.Login.Submit"), Exact = true }).ClickAsync();
            await Expect(page.Locator("#Code-error")).ToHaveTextAsync(PortalText.Get("TwoFactor.WrongCode"));
            await Expect(code).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.GetByTestId("current-user")).ToHaveCountAsync(0);

            // Checked before typing, and sent with Enter: leaving the field clears the server's message, which moves what is below it.
            var remember = page.GetByLabel(PortalText.Get("TwoFactor.RememberDevice"), new() { Exact = true });
            await remember.CheckAsync();
            await code.FillAsync(Totp.Code(key, portal.Clock.GetUtcNow()));
            await code.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(portal.Url("/Organizer"));
            await Expect(page.GetByTestId("current-user")).ToHaveTextAsync(email);

            // The remembered browser, signed out, signs in again with the password alone.
            await context.ClearCookiesAsync(new() { Name = "socialorder.auth" });
            await Pages.SignInAsync(page, email, DemoDataSeeder.DemoPassword);
            await Expect(page).ToHaveURLAsync(portal.Url("/Organizer"));
        }
    }
}
