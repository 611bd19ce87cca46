using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>Two-factor sign-in with the requirement on, as in every environment: enrolment, codes, the staff requirement.</summary>
public sealed class TwoFactorTests(TwoFactorPortalFactory app) : IClassFixture<TwoFactorPortalFactory>
{
    [Fact]
    public async Task Official_WithoutTwoFactor_IsSentToEnrolmentAndAPostToAnOrganizerActionIsRefused()
    {
        var page = WebPage.Open(app);
        using (var signIn = await page.SignInAsync("official@socialorder.kz", DemoDataSeeder.DemoPassword))
        {
            Assert.Equal("/Organizer", signIn.Headers.Location!.OriginalString);
        }

        using (var home = await page.Client.GetAsync(new Uri("/Organizer", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.Equal("/Account/TwoFactor?returnUrl=%2FOrganizer", home.Headers.Location!.OriginalString);
        }

        var (status, enrolment) = await page.GetAsync("/Account/TwoFactor?returnUrl=%2FOrganizer");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Resources.Text("TwoFactor.MustEnrol"), WebUtility.HtmlDecode(enrolment), StringComparison.Ordinal);

        using var post = await page.PostFormAsync("/Account/TwoFactor", "/Organizer/Calls/Create", new Dictionary<string, string>
        {
            ["Form.TitleRu"] = "Конкурс без второго фактора",
            ["Form.TitleKk"] = "Екінші факторсыз конкурс",
        });
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/Account/TwoFactor", post.Headers.Location!.OriginalString);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.Calls.CountAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await page.GetAsync("/Organizer/Calls")).Status);
    }

    [Fact]
    public async Task Applicant_WithoutTwoFactor_UsesTheirAreaAndMayEnrolOptionally()
    {
        var page = WebPage.Open(app);
        using (var signIn = await page.SignInAsync("applicant@socialorder.kz", DemoDataSeeder.DemoPassword))
        {
            Assert.Equal("/Applicant", signIn.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/Applicant")).Status);
        var (_, enrolment) = await page.GetAsync("/Account/TwoFactor");
        Assert.DoesNotContain("data-testid=\"two-factor-required\"", enrolment, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"shared-key\"", enrolment, StringComparison.Ordinal);

        foreach (var culture in new[] { "kk", "en" })
        {
            await page.ChooseLanguageAsync(culture);
            var (_, localized) = await page.GetAsync("/Account/TwoFactor");
            var text = WebUtility.HtmlDecode(localized);
            Assert.Contains(Resources.Text("TwoFactor.Intro", culture), text, StringComparison.Ordinal);
            Assert.Contains(Resources.Text("TwoFactor.Code", culture), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Enrolment_ShowsKeyAndQrCode_WrongCodeBesideTheField_RightCodeGivesTenRecoveryCodesAndOpensTheArea()
    {
        var page = WebPage.Open(app);
        (await page.SignInAsync("official.almaty@socialorder.kz", DemoDataSeeder.DemoPassword)).Dispose();
        var (_, html) = await page.GetAsync("/Account/TwoFactor?returnUrl=%2FOrganizer");
        var key = TwoFactorPages.SharedKey(html);

        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"two-factor-qr\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html.Split("data-testid=\"two-factor-qr\"")[1].Split("</svg>")[0], StringComparison.Ordinal);
        var input = System.Text.RegularExpressions.Regex.Match(html, "<input[^>]*id=\"Form_Code\"[^>]*>").Value;
        Assert.Contains("autocomplete=\"one-time-code\"", input, StringComparison.Ordinal);
        Assert.Contains("inputmode=\"numeric\"", input, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Form_Code-hint Form_Code-error\"", input, StringComparison.Ordinal);
        Assert.Contains("<label class=\"form-label\" for=\"Form_Code\">" + Resources.Text("TwoFactor.Code") + "</label>", html, StringComparison.Ordinal);

        var wrong = Totp.Code(key, app.Clock.GetUtcNow().AddMinutes(10));
        using (var refused = await page.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor", new Dictionary<string, string> { ["Form.Code"] = wrong }))
        {
            var answer = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal(Resources.Text("TwoFactor.WrongCode"), WebPage.FieldError(answer, "Form_Code"));
            Assert.Equal(key, TwoFactorPages.SharedKey(answer));
        }

        using (var organizer = await page.Client.GetAsync(new Uri("/Organizer", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, organizer.StatusCode);
        }

        using var enabled = await page.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor", new Dictionary<string, string>
        {
            ["Form.Code"] = Totp.Code(key, app.Clock.GetUtcNow()),
            ["Form.ReturnUrl"] = "/Organizer",
        });
        var codesPage = await enabled.Content.ReadAsStringAsync();
        var codes = TwoFactorPages.RecoveryCodes(codesPage);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("href=\"/Organizer\" data-testid=\"continue\"", codesPage, StringComparison.Ordinal);

        var (status, organizerHome) = await page.GetAsync("/Organizer");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"role-home-Organizer\"", organizerHome, StringComparison.Ordinal);
        var (_, state) = await page.GetAsync("/Account/TwoFactor");
        Assert.Contains("data-testid=\"two-factor-on\"", state, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"shared-key\"", state, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"disable-two-factor\"", state, StringComparison.Ordinal);

        // The official's role requires it: turning it off is refused on the server too.
        using var disable = await page.PostFormAsync("/Account/TwoFactor", "/Account/DisableTwoFactor", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        var (_, after) = await page.GetAsync("/Account/TwoFactor");
        Assert.Contains(Resources.Text("TwoFactor.RequiredForRole"), WebUtility.HtmlDecode(after), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"two-factor-on\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithTwoFactor_AsksForACode_WrongCodeBesideTheField_RightCodeSignsIn_AndTheSameCodeIsNotAcceptedTwice()
    {
        const string email = "secretary@socialorder.kz";
        var enrolling = WebPage.Open(app);
        (await enrolling.SignInAsync(email, DemoDataSeeder.DemoPassword)).Dispose();
        var (key, _) = await TwoFactorPages.EnrolAsync(enrolling, app);

        var page = WebPage.Open(app);
        using (var password = await page.SignInAsync(email, DemoDataSeeder.DemoPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
            Assert.Equal("/Account/LoginWithCode?rememberMe=False", password.Headers.Location!.OriginalString);
        }

        // The password alone signs nobody in.
        using (var early = await page.Client.GetAsync(new Uri("/Organizer", UriKind.Relative)))
        {
            Assert.StartsWith("/Account/Login?", early.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        }

        var (_, form) = await page.GetAsync("/Account/LoginWithCode");
        var input = System.Text.RegularExpressions.Regex.Match(form, "<input[^>]*id=\"Code\"[^>]*>").Value;
        Assert.Contains("autocomplete=\"one-time-code\"", input, StringComparison.Ordinal);
        Assert.Contains("inputmode=\"numeric\"", input, StringComparison.Ordinal);

        using (var wrong = await page.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode", new Dictionary<string, string> { ["Code"] = Totp.Code(key, app.Clock.GetUtcNow().AddMinutes(10)) }))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Equal(Resources.Text("TwoFactor.WrongCode"), WebPage.FieldError(await wrong.Content.ReadAsStringAsync(), "Code"));
        }

        var code = Totp.Code(key, app.Clock.GetUtcNow());
        using (var right = await page.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode", new Dictionary<string, string> { ["Code"] = code }))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
            Assert.Equal("/Organizer", right.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/Organizer")).Status);

        // Replaying the code just used, from another browser within the same 30 seconds, fails.
        var replay = WebPage.Open(app);
        (await replay.SignInAsync(email, DemoDataSeeder.DemoPassword)).Dispose();
        using var replayed = await replay.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode", new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal(Resources.Text("TwoFactor.WrongCode"), WebPage.FieldError(await replayed.Content.ReadAsStringAsync(), "Code"));
    }

    [Fact]
    public async Task SignIn_TenWrongCodes_LockTheAccountEvenForTheRightCode()
    {
        const string email = "expert3@socialorder.kz";
        var enrolling = WebPage.Open(app);
        (await enrolling.SignInAsync(email, DemoDataSeeder.DemoPassword)).Dispose();
        var (key, _) = await TwoFactorPages.EnrolAsync(enrolling, app);

        var page = WebPage.Open(app);
        (await page.SignInAsync(email, DemoDataSeeder.DemoPassword)).Dispose();
        var wrong = Totp.Code(key, app.Clock.GetUtcNow().AddHours(1));
        for (var attempt = 1; attempt <= 9; attempt++)
        {
            using var refused = await page.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode", new Dictionary<string, string> { ["Code"] = wrong });
            Assert.Equal(Resources.Text("TwoFactor.WrongCode"), WebPage.FieldError(await refused.Content.ReadAsStringAsync(), "Code"));
        }

        using (var tenth = await page.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode", new Dictionary<string, string> { ["Code"] = wrong }))
        {
            Assert.Contains(Resources.Text("Account.LockedOut"), WebUtility.HtmlDecode(await tenth.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using var right = await page.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode", new Dictionary<string, string> { ["Code"] = Totp.Code(key, app.Clock.GetUtcNow()) });
        Assert.NotEqual(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await page.GetAsync("/Expert")).Status);
    }
}

internal static class UriExtensions
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
