using System.Net;
using System.Text.RegularExpressions;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>"My account": password and e-mail changes, recent sign-ins, and a new confirmation link (ADR 21).</summary>
public sealed class MyAccountTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task ChangePassword_WithAWrongCurrentPassword_IsRefusedBesideTheField_AndTheRightOneChangesIt()
    {
        const string email = "expert5@socialorder.kz";
        var page = await SignedInAsync(email, DemoDataSeeder.DemoPassword);

        using (var wrong = await page.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "not my password at all", ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        }))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Equal(Resources.Text("Account.WrongCurrentPassword"), WebPage.FieldError(await wrong.Content.ReadAsStringAsync(), "CurrentPassword"));
        }

        var other = await SignedInAsync(email, DemoDataSeeder.DemoPassword);
        using (var changed = await page.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = DemoDataSeeder.DemoPassword, ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
            Assert.Equal("/Account/Manage", changed.Headers.Location!.OriginalString);
        }

        // This session goes on; another session of the account ends once the security stamp is checked again.
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/Account/Manage")).Status);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/Account/Manage")).Status);
        using var old = await WebPage.Open(app).SignInAsync(email, DemoDataSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        using var fresh = await WebPage.Open(app).SignInAsync(email, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }

    [Fact]
    public async Task ChangeEmail_ChangesNothingUntilTheLinkSentToTheNewAddressIsFollowed_AndTellsTheOldAddress()
    {
        const string email = "expert6@socialorder.kz";
        const string newEmail = "expert6.new@example.kz";
        var page = await SignedInAsync(email, DemoDataSeeder.DemoPassword);

        using (var wrong = await page.PostFormAsync("/Account/ChangeEmail", "/Account/ChangeEmail", new Dictionary<string, string>
        {
            ["NewEmail"] = newEmail, ["CurrentPassword"] = "not my password at all",
        }))
        {
            Assert.Equal(Resources.Text("Account.WrongCurrentPassword"), WebPage.FieldError(await wrong.Content.ReadAsStringAsync(), "CurrentPassword"));
        }

        using (var requested = await page.PostFormAsync("/Account/ChangeEmail", "/Account/ChangeEmail", new Dictionary<string, string>
        {
            ["NewEmail"] = newEmail, ["CurrentPassword"] = DemoDataSeeder.DemoPassword,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        }

        await app.DeliverEmailsAsync();
        Assert.Single(app.Outbox(), m => m.To == email && m.HtmlBody.Contains(newEmail, StringComparison.Ordinal));
        var mail = Assert.Single(app.Outbox(), m => m.To == newEmail);
        var link = WebUtility.HtmlDecode(Regex.Match(mail.HtmlBody, "href=\"https?://[^/\"]+(/Account/ConfirmEmailChange\\?[^\"]+)\"").Groups[1].Value);
        Assert.NotEmpty(link);

        // Not yet confirmed: the old address still signs in, the new one does not.
        using (var early = await WebPage.Open(app).SignInAsync(newEmail, DemoDataSeeder.DemoPassword))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        }

        using (var stillOld = await WebPage.Open(app).SignInAsync(email, DemoDataSeeder.DemoPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, stillOld.StatusCode);
        }

        // A link for another address than the one the token was made for changes nothing.
        var forgedLink = Regex.Replace(link, "email=[^&]+", "email=attacker%40example.kz");
        Assert.NotEqual(link, forgedLink);
        var (_, forged) = await WebPage.Open(app).GetAsync(forgedLink);
        Assert.Contains("data-testid=\"email-change-failed\"", forged, StringComparison.Ordinal);

        var (status, confirmed) = await WebPage.Open(app).GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"email-changed\"", confirmed, StringComparison.Ordinal);
        using var byNew = await WebPage.Open(app).SignInAsync(newEmail, DemoDataSeeder.DemoPassword);
        Assert.Equal("/Expert", byNew.Headers.Location!.OriginalString);
        using var byOld = await WebPage.Open(app).SignInAsync(email, DemoDataSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, byOld.StatusCode);
    }

    [Fact]
    public async Task SignIns_ShowTheUsersOwnAttempts_AndNeverAnotherUsers()
    {
        var other = WebPage.Open(app);
        other.Client.DefaultRequestHeaders.UserAgent.ParseAdd("OtherUsersBrowser/7.0");
        (await other.SignInAsync("observer@socialorder.kz", DemoDataSeeder.DemoPassword)).Dispose();

        var me = WebPage.Open(app);
        me.Client.DefaultRequestHeaders.UserAgent.ParseAdd("MyOwnBrowser/1.0");
        (await me.SignInAsync("expert2@socialorder.kz", "a wrong password")).Dispose();
        (await me.SignInAsync("expert2@socialorder.kz", DemoDataSeeder.DemoPassword)).Dispose();

        var (status, html) = await me.GetAsync("/Account/SignIns");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, Regex.Count(html, "data-testid=\"sign-in-row\""));
        Assert.Contains("MyOwnBrowser/1.0", html, StringComparison.Ordinal);
        Assert.Contains(Resources.Text("Account.SignIns.Failed"), html, StringComparison.Ordinal);
        Assert.Contains(Resources.Text("Account.SignIns.Succeeded"), html, StringComparison.Ordinal);
        Assert.DoesNotContain("OtherUsersBrowser", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResendConfirmation_MailsANewLinkToAnUnconfirmedAccount_AndAnswersTheSameForAnUnknownAddress()
    {
        var page = WebPage.Open(app);
        (await page.PostFormAsync("/Account/Register", "/Account/Register", new Dictionary<string, string>
        {
            ["AccountType"] = "Applicant", ["FullName"] = "Дана Алиева", ["Email"] = "dana@example.kz",
            ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        })).Dispose();

        using var known = await page.PostFormAsync("/Account/ResendConfirmation", "/Account/ResendConfirmation", new Dictionary<string, string> { ["Email"] = "dana@example.kz" });
        using var unknown = await page.PostFormAsync("/Account/ResendConfirmation", "/Account/ResendConfirmation", new Dictionary<string, string> { ["Email"] = "nobody.at.all@example.kz" });
        using var confirmed = await page.PostFormAsync("/Account/ResendConfirmation", "/Account/ResendConfirmation", new Dictionary<string, string> { ["Email"] = "applicant@socialorder.kz" });

        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        Assert.Equal(known.Headers.Location, confirmed.Headers.Location);
        Assert.Equal(2, app.Outbox().Count(m => m.To == "dana@example.kz" && m.HtmlBody.Contains("/Account/ConfirmEmail?", StringComparison.Ordinal)));
        Assert.DoesNotContain(app.Outbox(), m => m.To is "nobody.at.all@example.kz" or "applicant@socialorder.kz");

        var link = WebUtility.HtmlDecode(Regex.Match(app.Outbox().Last(m => m.To == "dana@example.kz").HtmlBody, "href=\"https?://[^/\"]+(/Account/ConfirmEmail\\?[^\"]+)\"").Groups[1].Value);
        var (_, done) = await page.GetAsync(link);
        Assert.Contains("data-testid=\"email-confirmed\"", done, StringComparison.Ordinal);
    }

    private async Task<WebPage> SignedInAsync(string email, string password)
    {
        var page = WebPage.Open(app);
        using var response = await page.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return page;
    }
}
