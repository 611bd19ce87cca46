using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SocialOrder.Web.BrowserTests;

public sealed class HomePageTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task HomePage_WhenOpenedWithoutLanguageChoice_IsServedInRussian()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(PortalText.Get("Home.Heading", "ru"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Русский", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await BrowserPortal.ScreenshotAsync(page, "home-ru");
    }

    [Fact]
    public async Task HomePage_WhenKazakhRequestedInAddress_IsServedInKazakh()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/?culture=kk");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(PortalText.Get("Home.Heading", "kk"));
        await Expect(page.GetByTestId("main-nav").GetByRole(AriaRole.Link, new() { Name = PortalText.Get("Nav.Home", "kk"), Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Қазақша", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await BrowserPortal.ScreenshotAsync(page, "home-kk");
    }

    [Fact]
    public async Task LanguageSwitcher_WhenKazakhClicked_ShowsKazakhAndRemembersItOnTheNextPage()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await Pages.SwitchLanguageAsync(page, "Қазақша");

        await Expect(page).ToHaveURLAsync(portal.Url("/"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(PortalText.Get("Home.Heading", "kk"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Қазақша", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");

        // A new request typed into the address bar: only the culture cookie can carry the choice.
        await page.GotoAsync("/Account/Login");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(PortalText.Get("Account.Login.Title", "kk"));
        await Expect(page.GetByLabel(PortalText.Get("Field.Password", "kk"), new() { Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task LanguageSwitcher_WhenEnglishClickedOnAnotherPage_ShowsThatPageInEnglish()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Register");

        await Pages.SwitchLanguageAsync(page, "English");

        await Expect(page).ToHaveURLAsync(portal.Url("/Account/Register"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(PortalText.Get("Account.Register.Title", "en"));

        await page.GotoAsync("/");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(PortalText.Get("Home.Heading", "en"));
    }
}
