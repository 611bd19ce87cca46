using Microsoft.Playwright;
using SocialOrder.Infrastructure.Persistence;
using static Microsoft.Playwright.Assertions;

namespace SocialOrder.Web.BrowserTests;

public sealed class SignInTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    /// <summary>The main-nav entries each role home brings (resource keys).</summary>
    private static readonly Dictionary<string, string[]> NavigationByHome = new(StringComparer.Ordinal)
    {
        ["Admin"] = ["Nav.Administration", "Nav.Users", "Nav.StateBodies", "Nav.AuditLog"],
        ["Organizer"] = ["Nav.OrganizerHome"],
        ["Applicant"] = ["Nav.ApplicantHome"],
        ["Expert"] = ["Nav.ExpertHome"],
        ["Observer"] = ["Nav.ObserverHome"],
    };

    [Theory]
    [InlineData("admin@socialorder.kz", "Admin")]
    [InlineData("official@socialorder.kz", "Organizer")]
    [InlineData("applicant@socialorder.kz", "Applicant")]
    [InlineData("expert@socialorder.kz", "Expert")]
    [InlineData("observer@socialorder.kz", "Observer")]
    public async Task SignIn_WhenDemoUserOfRole_LandsOnOwnHomeAndSeesOnlyOwnNavigation(string email, string home)
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        await Pages.SignInAsync(page, email, DemoDataSeeder.DemoPassword);

        await Expect(page).ToHaveURLAsync(portal.Url("/" + home));
        await Expect(page.GetByTestId("role-home-" + home)).ToBeVisibleAsync();
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync(email);
        var nav = page.GetByTestId("main-nav");
        foreach (var (owner, keys) in NavigationByHome)
        {
            foreach (var key in keys)
            {
                var link = nav.GetByRole(AriaRole.Link, new() { Name = PortalText.Get(key), Exact = true });
                if (owner == home)
                {
                    await Expect(link).ToBeVisibleAsync();
                }
                else
                {
                    await Expect(link).ToHaveCountAsync(0);
                }
            }
        }

        await BrowserPortal.ScreenshotAsync(page, "home-" + home.ToLowerInvariant());
    }

    [Fact]
    public async Task SignIn_WhenPasswordWrong_ShowsRussianErrorAndStaysSignedOut()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        await Pages.SignInAsync(page, "applicant@socialorder.kz", "not-the-password");

        await Expect(page.GetByTestId("form-errors")).ToHaveTextAsync(PortalText.Get("Account.InvalidLogin", "ru"));
        await Expect(page).ToHaveURLAsync(portal.Url("/Account/Login"));
        await Expect(page.GetByTestId("current-user")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel(PortalText.Get("Field.Password"), new() { Exact = true })).ToHaveValueAsync(string.Empty);
    }

    [Fact]
    public async Task SignIn_WhenPasswordWrongAfterSwitchingToKazakh_ShowsKazakhError()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Pages.SwitchLanguageAsync(page, "Қазақша");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "kk");

        await Pages.SignInAsync(page, "expert@socialorder.kz", "not-the-password", "kk");

        await Expect(page.GetByTestId("form-errors")).ToHaveTextAsync(PortalText.Get("Account.InvalidLogin", "kk"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
    }

    [Fact]
    public async Task SignIn_AfterTenWrongPasswords_RefusesEvenTheRightPasswordWithLockedMessage()
    {
        // A demo user no other test in this class signs in as (each class has a database of its own).
        const string email = "official.almaty@socialorder.kz";
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = page.GetByTestId("form-errors");

        for (var attempt = 1; attempt <= 9; attempt++)
        {
            await Pages.SignInAsync(page, email, "wrong password " + attempt);
            await Expect(errors).ToHaveTextAsync(PortalText.Get("Account.InvalidLogin"));
        }

        // The tenth failure locks the account, but a guesser is told nothing new: only the right password hears "locked".
        await Pages.SignInAsync(page, email, "wrong password 10");
        await Expect(errors).ToHaveTextAsync(PortalText.Get("Account.InvalidLogin"));

        await Pages.SignInAsync(page, email, DemoDataSeeder.DemoPassword);

        await Expect(errors).ToHaveTextAsync(PortalText.Get("Account.LockedOut"));
        await Expect(page).ToHaveURLAsync(portal.Url("/Account/Login"));
        await Expect(page.GetByTestId("current-user")).ToHaveCountAsync(0);
    }
}
