using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

public sealed class AccountPagesTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private const string Password = "a long enough passphrase";

    [Theory]
    [InlineData("admin@socialorder.kz", "/Admin")]
    [InlineData("official@socialorder.kz", "/Organizer")]
    [InlineData("applicant@socialorder.kz", "/Applicant")]
    [InlineData("expert@socialorder.kz", "/Expert")]
    [InlineData("observer@socialorder.kz", "/Observer")]
    public async Task SignIn_EachDemoRole_LandsOnItsOwnHome(string email, string home)
    {
        var page = WebPage.Open(app);

        using var response = await page.SignInAsync(email, DemoDataSeeder.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(home, response.Headers.Location!.OriginalString);
        var (status, html) = await page.GetAsync(home);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"role-home-", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_AuthCookie_IsHttpOnlySecureAndSameSite()
    {
        using var response = await WebPage.Open(app).SignInAsync("applicant@socialorder.kz", DemoDataSeeder.DemoPassword);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("socialorder.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AdminArea_Anonymous_IsSentToLogin_AndApplicantIsDenied()
    {
        var anonymous = WebPage.Open(app);
        using var redirect = await anonymous.Client.GetAsync(new Uri("/Admin/Users", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("https://localhost/Account/Login", redirect.Headers.Location!.ToString(), StringComparison.Ordinal);

        var applicant = WebPage.Open(app);
        (await applicant.SignInAsync("applicant@socialorder.kz", DemoDataSeeder.DemoPassword)).Dispose();
        using var denied = await applicant.Client.GetAsync(new Uri("/Admin/Users", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("https://localhost/Account/AccessDenied", denied.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WithShortPassword_ShowsMessageBesideFieldAndKeepsTheRest()
    {
        var page = WebPage.Open(app);

        using var response = await page.PostFormAsync("/Account/Register", "/Account/Register", new Dictionary<string, string>
        {
            ["AccountType"] = "Applicant",
            ["FullName"] = "Бекзат Серікұлы",
            ["Email"] = "bekzat@example.kz",
            ["Password"] = "short",
            ["ConfirmPassword"] = "short",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Resources.Text("Validation.MinimumLengthValidator", "ru", 12), WebPage.FieldError(html, "Password"));
        Assert.Equal("Бекзат Серікұлы", WebPage.InputValue(html, "FullName"));
        Assert.Equal("bekzat@example.kz", WebPage.InputValue(html, "Email"));
        Assert.Contains("aria-describedby=\"Password-hint Password-error\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WithMissingName_ShowsTheMessage_AndATakenEmail_IsAnsweredAsANewOne()
    {
        var page = WebPage.Open(app);
        await page.ChooseLanguageAsync("kk");

        using var response = await page.PostFormAsync("/Account/Register", "/Account/Register", new Dictionary<string, string>
        {
            ["AccountType"] = "Applicant",
            ["FullName"] = "",
            ["Email"] = "applicant@socialorder.kz",
            ["Password"] = Password,
            ["ConfirmPassword"] = Password,
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(Resources.Text("Validation.NotEmptyValidator", "kk"), WebPage.FieldError(html, "FullName"));
        var second = await page.PostFormAsync("/Account/Register", "/Account/Register", new Dictionary<string, string>
        {
            ["AccountType"] = "Applicant",
            ["FullName"] = "Someone",
            ["Email"] = "applicant@socialorder.kz",
            ["Password"] = Password,
            ["ConfirmPassword"] = Password,
        });
        var third = await page.PostFormAsync("/Account/Register", "/Account/Register", new Dictionary<string, string>
        {
            ["AccountType"] = "Applicant",
            ["FullName"] = "Someone",
            ["Email"] = "nobody.yet@example.kz",
            ["Password"] = Password,
            ["ConfirmPassword"] = Password,
        });

        // A taken address is answered exactly as a new one (no account enumeration); its owner gets an e-mail instead.
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        Assert.Equal(
            Regex.Replace(second.Headers.Location!.OriginalString, "email=[^&]*", "email="),
            Regex.Replace(third.Headers.Location!.OriginalString, "email=[^&]*", "email="));
    }

    [Fact]
    public async Task Register_WithoutAntiforgeryToken_Is400AndCreatesNothing()
    {
        var client = WebPage.Open(app).Client;

        using var response = await client.PostAsync(new Uri("/Account/Register", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["AccountType"] = "Applicant",
            ["FullName"] = "Forged",
            ["Email"] = "forged@example.kz",
            ["Password"] = Password,
            ["ConfirmPassword"] = Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Resources.Text("Error.400.Title"), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.Email == "forged@example.kz"));
    }

    [Fact]
    public async Task Register_WithForgedAntiforgeryToken_Is400()
    {
        var page = WebPage.Open(app);
        await page.GetAsync("/Account/Register");

        using var response = await page.Client.PostAsync(new Uri("/Account/Register", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = "CfDJ8forged-token-value",
            ["FullName"] = "Forged",
            ["Email"] = "forged2@example.kz",
            ["Password"] = Password,
            ["ConfirmPassword"] = Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RegisterConfirmSignIn_NewApplicant_EndsOnApplicantHome()
    {
        var page = WebPage.Open(app);
        using var registered = await page.PostFormAsync("/Account/Register", "/Account/Register", new Dictionary<string, string>
        {
            ["AccountType"] = "Applicant",
            ["FullName"] = "Жанна Ергалиева",
            ["Email"] = "zhanna@example.kz",
            ["Password"] = Password,
            ["ConfirmPassword"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        using (var early = await page.SignInAsync("zhanna@example.kz", Password))
        {
            Assert.Equal(Resources.Text("Account.EmailNotConfirmed"), ExtractSummary(await early.Content.ReadAsStringAsync()));
        }

        var (_, outbox) = await page.GetAsync("/dev/outbox");
        var mail = app.Outbox().Last(m => m.To == "zhanna@example.kz");
        var link = Regex.Match(mail.HtmlBody, "href=\"https?://[^/\"]+(/Account/ConfirmEmail\\?[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(link);
        Assert.Contains(link, outbox, StringComparison.Ordinal);
        var (confirmStatus, confirmed) = await page.GetAsync(WebUtility.HtmlDecode(link));
        Assert.Equal(HttpStatusCode.OK, confirmStatus);
        Assert.Contains("data-testid=\"email-confirmed\"", confirmed, StringComparison.Ordinal);

        using var signedIn = await page.SignInAsync("zhanna@example.kz", Password);
        Assert.Equal("/Applicant", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ForgotAndResetPassword_WithMailedLink_LetsTheUserSignInWithTheNewPassword()
    {
        var page = WebPage.Open(app);
        using var requested = await page.PostFormAsync("/Account/ForgotPassword", "/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "expert@socialorder.kz" });
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);

        var mail = app.Outbox().First(m => m.To == "expert@socialorder.kz");
        var link = WebUtility.HtmlDecode(Regex.Match(mail.HtmlBody, "href=\"https?://[^/\"]+(/Account/ResetPassword\\?[^\"]+)\"").Groups[1].Value);
        const string newPassword = "a brand new passphrase";
        using var reset = await page.PostFormAsync(link, "/Account/ResetPassword", new Dictionary<string, string>
        {
            ["UserId"] = Regex.Match(link, "userId=([^&]+)").Groups[1].Value,
            ["Code"] = Uri.UnescapeDataString(Regex.Match(link, "code=([^&]+)").Groups[1].Value),
            ["Password"] = newPassword,
            ["ConfirmPassword"] = newPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        using var signedIn = await WebPage.Open(app).SignInAsync("expert@socialorder.kz", newPassword);
        Assert.Equal("/Expert", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ForgotPassword_ForUnknownAddress_LooksTheSameAndSendsNothing()
    {
        var page = WebPage.Open(app);
        var before = app.Outbox().Count;

        using var response = await page.PostFormAsync("/Account/ForgotPassword", "/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "nobody@example.kz" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before, app.Outbox().Count);
    }

    private static string ExtractSummary(string html) =>
        WebUtility.HtmlDecode(Regex.Replace(Regex.Match(html, "data-testid=\"form-errors\"[^>]*>(.*?)</div>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>", string.Empty)).Trim();
}
