using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>Deactivating and reactivating accounts from /Admin/Users (ADR 31), as browsers see it.</summary>
public sealed class AccountDeactivationPagesTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Deactivate_EndsTheUsersSessionAtItsNextRequest_RefusesSignIn_AndReactivateLetsThemBackIn()
    {
        const string email = "expert4@socialorder.kz";
        var user = WebPage.Open(app);
        using (var signedIn = await user.SignInAsync(email, DemoDataSeeder.DemoPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Account/Manage")).Status);

        var admin = await AdminAsync();
        var id = await UserIdAsync(email);
        using (var deactivated = await admin.PostFormAsync("/Admin/Users", $"/Admin/Users/Deactivate/{id}", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        }

        var (_, list) = await admin.GetAsync("/Admin/Users?search=expert4");
        Assert.Contains("data-testid=\"deactivated-badge\"", list, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reactivate\"", list, StringComparison.Ordinal);

        // No clock moves: the very next request of the open session is refused.
        var (status, _) = await user.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, status);

        using (var refused = await WebPage.Open(app).SignInAsync(email, DemoDataSeeder.DemoPassword))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(WebUtility.HtmlEncode(Resources.Text("Account.Deactivated")), await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var guess = await WebPage.Open(app).SignInAsync(email, "a wrong password here"))
        {
            var html = await guess.Content.ReadAsStringAsync();
            Assert.DoesNotContain(WebUtility.HtmlEncode(Resources.Text("Account.Deactivated")), html, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(Resources.Text("Account.InvalidLogin")), html, StringComparison.Ordinal);
        }

        using (var reactivated = await admin.PostFormAsync("/Admin/Users", $"/Admin/Users/Reactivate/{id}", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        }

        using var back = await WebPage.Open(app).SignInAsync(email, DemoDataSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
    }

    [Fact]
    public async Task Deactivate_OwnAccount_IsRefusedWithAMessage_AndTheAdministratorStaysSignedIn()
    {
        var admin = await AdminAsync();
        var id = await UserIdAsync("admin@socialorder.kz");

        using var refused = await admin.PostFormAsync("/Admin/Users", $"/Admin/Users/Deactivate/{id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var (status, html) = await admin.GetAsync("/Admin/Users");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(WebUtility.HtmlEncode(Resources.Text("Rule.CannotDeactivateOwnAccount")), html, StringComparison.Ordinal);
        Assert.Null(await DeactivatedAtAsync(id));
    }

    private async Task<WebPage> AdminAsync()
    {
        var admin = WebPage.Open(app);
        using var response = await admin.SignInAsync("admin@socialorder.kz", DemoDataSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return admin;
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<DateTimeOffset?> DeactivatedAtAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Id == id).Select(u => u.DeactivatedAt).SingleAsync();
    }
}
