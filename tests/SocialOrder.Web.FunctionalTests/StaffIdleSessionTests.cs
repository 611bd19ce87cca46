using System.Net;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>A portal with the staff idle sign-out on (ADR 31; 30 minutes, as in production).</summary>
public sealed class StaffIdlePortalFactory : PortalFactory
{
    protected override int StaffIdleMinutes => 30;
}

/// <summary>Staff sessions end after 30 idle minutes, enforced by the cookie on the server, not by the page's script.</summary>
public sealed class StaffIdleSessionTests(StaffIdlePortalFactory app) : IClassFixture<StaffIdlePortalFactory>
{
    [Fact]
    public async Task AnIdleStaffCookie_IsRefused_WhileAnApplicantsIsNot_AndActivityKeepsTheStaffSessionAlive()
    {
        var official = await SignedInAsync("official@socialorder.kz");
        var admin = await SignedInAsync("admin@socialorder.kz");
        var applicant = await SignedInAsync("applicant@socialorder.kz");

        // The official is active every 20 minutes; the administrator is not.
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync("/Organizer")).Status);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync("/Organizer")).Status);

        var (adminStatus, _) = await admin.GetAsync("/Admin");
        Assert.Equal(HttpStatusCode.Redirect, adminStatus);
        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync("/Account/Manage")).Status);

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        using var idle = await official.Client.GetAsync(new Uri("/Organizer", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.StartsWith("/Account/Login", idle.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync("/Account/Manage")).Status);
    }

    [Fact]
    public async Task StaffPages_CarryTheWarning_AndKeepAliveRenewsTheSession()
    {
        var official = await SignedInAsync("secretary@socialorder.kz");
        var (_, html) = await official.GetAsync("/Organizer");
        Assert.Contains("data-testid=\"session-warning\"", html, StringComparison.Ordinal);
        Assert.Contains("data-idle-seconds=\"1800\"", html, StringComparison.Ordinal);
        Assert.Contains("/js/session-timeout.js", html, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(28));
        using (var kept = await official.PostFormAsync("/Organizer", "/Account/KeepAlive", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.NoContent, kept.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(28));
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync("/Organizer")).Status);

        var applicant = await SignedInAsync("applicant@socialorder.kz");
        var (_, applicantHtml) = await applicant.GetAsync("/Account/Manage");
        Assert.DoesNotContain("session-warning", applicantHtml, StringComparison.Ordinal);
    }

    private async Task<WebPage> SignedInAsync(string email)
    {
        var page = WebPage.Open(app);
        using var response = await page.SignInAsync(email, DemoDataSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return page;
    }
}
