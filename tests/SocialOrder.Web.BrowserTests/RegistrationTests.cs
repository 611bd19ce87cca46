using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SocialOrder.Web.BrowserTests;

public sealed class RegistrationTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string GoodPassword = "correct horse battery";

    [Fact]
    public async Task Register_WhenNewApplicantFollowsLinkFromOutbox_CanSignInAndLandsOnApplicantHome()
    {
        var email = $"ngo-{Guid.NewGuid():N}"[..12] + "@example.kz";
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        await Pages.FillRegistrationAsync(page, "Асель Нурова", email, GoodPassword);
        await Pages.SubmitRegistrationAsync(page);

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/RegisterConfirmation"));
        await Expect(page.GetByTestId("check-email")).ToHaveTextAsync(PortalText.Format("Account.CheckEmail.Text", "ru", email));

        // Not yet confirmed: signing in is refused.
        await Pages.SignInAsync(page, email, GoodPassword);
        await Expect(page.GetByTestId("form-errors")).ToHaveTextAsync(PortalText.Get("Account.EmailNotConfirmed"));

        await page.GotoAsync("/dev/outbox");
        var message = page.GetByTestId("outbox-message").Filter(new() { Has = page.GetByTestId("outbox-to").GetByText(email, new() { Exact = true }) });
        await Expect(message).ToHaveCountAsync(1);
        var link = message.Locator("a[href*='/Account/ConfirmEmail']");
        await Expect(link).ToHaveCountAsync(1);
        Assert.StartsWith(portal.Url("/Account/ConfirmEmail?"), await link.GetAttributeAsync("href"), StringComparison.Ordinal);
        await link.ClickAsync();

        await Expect(page.GetByTestId("email-confirmed")).ToHaveTextAsync(PortalText.Get("Account.Confirm.Success"));

        await Pages.SignInAsync(page, email, GoodPassword);

        await Expect(page).ToHaveURLAsync(portal.Url("/Applicant"));
        await Expect(page.GetByTestId("role-home-Applicant")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync(email);
    }

    [Fact]
    public async Task Register_WhenPasswordTooShort_ShowsLengthMessageBesidePasswordAndKeepsNameAndEmail()
    {
        const string email = "short.password@example.kz";
        const string fullName = "Ерлан Омаров";
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        await Pages.FillRegistrationAsync(page, fullName, email, "short-pass");
        await Pages.SubmitRegistrationAsync(page);

        var password = page.GetByLabel(PortalText.Get("Field.Password"), new() { Exact = true });
        await Expect(page.Locator("#Password-error")).ToHaveTextAsync(PortalText.Format("Validation.MinimumLengthValidator", "ru", 12));
        await Expect(password).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(password).ToHaveAttributeAsync("aria-describedby", new System.Text.RegularExpressions.Regex(@"(^|\s)Password-error(\s|$)"));
        await Expect(page).ToHaveURLAsync(portal.Url("/Account/Register"));
        await Expect(page.GetByLabel(PortalText.Get("Field.FullName"), new() { Exact = true })).ToHaveValueAsync(fullName);
        await Expect(page.GetByLabel(PortalText.Get("Field.Email"), new() { Exact = true })).ToHaveValueAsync(email);
        await Expect(page.Locator("#FullName-error")).ToBeEmptyAsync();
        await Expect(page.Locator("#Email-error")).ToBeEmptyAsync();
        Assert.DoesNotContain(portal.Outbox(), m => m.To == email);
    }
}
