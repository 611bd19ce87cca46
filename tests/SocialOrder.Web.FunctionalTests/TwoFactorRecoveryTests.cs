using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>Recovery codes (each works once, regenerating voids the old ones) and an administrator's reset.</summary>
public sealed class TwoFactorRecoveryTests(TwoFactorPortalFactory app) : IClassFixture<TwoFactorPortalFactory>
{
    [Fact]
    public async Task RecoveryCode_SignsInOnce_ASecondUseFails_AndRegeneratingVoidsTheRest()
    {
        const string email = "expert@socialorder.kz";
        var enrolling = WebPage.Open(app);
        (await enrolling.SignInAsync(email, DemoDataSeeder.DemoPassword)).Dispose();
        var (_, codes) = await TwoFactorPages.EnrolAsync(enrolling, app);

        // Kept only as hashes: the database does not hold a usable code.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.UserTokens.Where(t => t.Name == "RecoveryCodes").Select(t => t.Value).ToListAsync();
            Assert.NotEmpty(stored);
            Assert.DoesNotContain(stored, v => codes.Any(c => v!.Contains(c, StringComparison.OrdinalIgnoreCase)));
        }

        var first = WebPage.Open(app);
        using (var used = await RecoverAsync(first, email, " " + codes[0].ToLowerInvariant() + " "))
        {
            Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
            Assert.Equal("/Expert", used.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/Expert")).Status);
        var (_, state) = await first.GetAsync("/Account/TwoFactor");
        Assert.Contains(Resources.Text("TwoFactor.RecoveryCodesLeft", "ru", 9), WebUtility.HtmlDecode(state), StringComparison.Ordinal);

        var second = WebPage.Open(app);
        using (var reused = await RecoverAsync(second, email, codes[0]))
        {
            Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
            Assert.Equal(Resources.Text("TwoFactor.WrongRecoveryCode"), WebPage.FieldError(await reused.Content.ReadAsStringAsync(), "Code"));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/Expert")).Status);

        using var regenerated = await first.PostFormAsync("/Account/TwoFactor", "/Account/RecoveryCodes", new Dictionary<string, string>());
        var fresh = TwoFactorPages.RecoveryCodes(await regenerated.Content.ReadAsStringAsync());
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(codes));

        using (var old = await RecoverAsync(WebPage.Open(app), email, codes[1]))
        {
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        }

        using var newOne = await RecoverAsync(WebPage.Open(app), email, fresh[0]);
        Assert.Equal(HttpStatusCode.Redirect, newOne.StatusCode);
    }

    [Fact]
    public async Task Applicant_MayTurnOptionalTwoFactorOff()
    {
        const string email = "applicant@socialorder.kz";
        var page = WebPage.Open(app);
        (await page.SignInAsync(email, DemoDataSeeder.DemoPassword)).Dispose();
        await TwoFactorPages.EnrolAsync(page, app);

        using var disabled = await page.PostFormAsync("/Account/TwoFactor", "/Account/DisableTwoFactor", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        var (status, state) = await page.GetAsync("/Account/TwoFactor");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Resources.Text("TwoFactor.Disabled"), WebUtility.HtmlDecode(state), StringComparison.Ordinal);

        using var again = await WebPage.Open(app).SignInAsync(email, DemoDataSeeder.DemoPassword);
        Assert.Equal("/Applicant", again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Administrator_ResetsAUsersTwoFactor_WhoThenSignsInWithThePasswordAlone_AndTheResetIsAudited()
    {
        const string email = "expert2@socialorder.kz";
        var expert = WebPage.Open(app);
        (await expert.SignInAsync(email, DemoDataSeeder.DemoPassword)).Dispose();
        await TwoFactorPages.EnrolAsync(expert, app);

        // The administrator must be enrolled to use the Admin area at all.
        var admin = WebPage.Open(app);
        (await admin.SignInAsync("admin@socialorder.kz", DemoDataSeeder.DemoPassword)).Dispose();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync("/Admin/Users")).Status);
        await TwoFactorPages.EnrolAsync(admin, app);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var (status, list) = await admin.GetAsync("/Admin/Users?search=expert2");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"two-factor-badge\"", list, StringComparison.Ordinal);
        Assert.Contains($"action=\"/Admin/Users/ResetTwoFactor/{userId}\"", list, StringComparison.Ordinal);

        using var reset = await admin.PostFormAsync("/Admin/Users?search=expert2", $"/Admin/Users/ResetTwoFactor/{userId}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var (_, after) = await admin.GetAsync("/Admin/Users?search=expert2");
        Assert.Contains(Resources.Text("Admin.Users.TwoFactorReset", "ru", email), WebUtility.HtmlDecode(after), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"two-factor-badge\"", after, StringComparison.Ordinal);

        var audit = await db.AuditEvents.AsNoTracking().Where(e => e.Action == "ResetTwoFactor").ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Equal(userId.ToString(), entry.EntityId);
        Assert.Equal("Succeeded", entry.Outcome);
        Assert.Equal("admin@socialorder.kz", entry.ActorName);

        // The reset ended the expert's session (a new security stamp, checked every minute).
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using (var ended = await expert.Client.GetAsync(new Uri("/Expert", UriKind.Relative)))
        {
            Assert.StartsWith("/Account/Login", ended.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        }

        var again = WebPage.Open(app);
        using var signIn = await again.SignInAsync(email, DemoDataSeeder.DemoPassword);
        Assert.Equal("/Expert", signIn.Headers.Location!.OriginalString);

        // Another role cannot reset anyone: the Admin area refuses the expert.
        using var forged = await again.PostFormAsync("/Expert", $"/Admin/Users/ResetTwoFactor/{userId}", new Dictionary<string, string>());
        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", forged.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.Single(await db.AuditEvents.AsNoTracking().Where(e => e.Action == "ResetTwoFactor").ToListAsync());
    }

    private static async Task<HttpResponseMessage> RecoverAsync(WebPage page, string email, string code)
    {
        (await page.SignInAsync(email, DemoDataSeeder.DemoPassword)).Dispose();
        return await page.PostFormAsync("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Code"] = code });
    }
}
