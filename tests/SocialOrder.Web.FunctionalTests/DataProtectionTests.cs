using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>One more node of the portal over a database that already exists (another node's, or its own after a restart).</summary>
public sealed class NodePortal(string connectionString) : PortalFactory
{
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(connectionString);
}

public sealed class DataProtectionTests
{
    private const string Purpose = "SocialOrder.Tests.DataProtection";

    [Fact]
    public async Task CookiesAndTokens_ProtectedByOneNode_AreAcceptedByAnotherNodeAndAfterARestart_ButNotOverAnotherDatabase()
    {
        var database = await TestPostgres.CreateDatabaseAsync("data_protection");
        string authCookie;
        string antiforgeryCookie;
        string antiforgeryToken;
        string payload;
        await using (var first = new NodePortal(database))
        {
            await first.InitializeAsync();
            using var client = Client(first);
            using var loginPage = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
            antiforgeryCookie = Cookie(loginPage, "socialorder.af");
            antiforgeryToken = WebPage.AntiforgeryToken(await loginPage.Content.ReadAsStringAsync());
            using var signedIn = await PostSignInAsync(client, antiforgeryCookie, antiforgeryToken);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            authCookie = Cookie(signedIn, "socialorder.auth");
            payload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("kept between nodes");

            await using var second = new NodePortal(database);
            await second.InitializeAsync();
            using var secondClient = Client(second);
            Assert.Equal(HttpStatusCode.OK, await StatusWithAuthCookieAsync(secondClient, authCookie));
            using var signedInOnSecond = await PostSignInAsync(secondClient, antiforgeryCookie, antiforgeryToken);
            Assert.Equal(HttpStatusCode.Redirect, signedInOnSecond.StatusCode);
            Assert.Equal("/Applicant", signedInOnSecond.Headers.Location!.OriginalString);
        }

        await using (var restarted = new NodePortal(database))
        {
            await restarted.InitializeAsync();
            using var client = Client(restarted);
            Assert.Equal(HttpStatusCode.OK, await StatusWithAuthCookieAsync(client, authCookie));
            Assert.Equal("kept between nodes", restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(payload));

            await using var scope = restarted.Services.CreateAsyncScope();
            var keys = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.ToListAsync();
            Assert.Single(keys);
            Assert.Contains("<key ", keys[0].Xml, StringComparison.Ordinal);
        }

        // A portal over another database has another key ring: nothing of the first one's is readable there.
        await using var stranger = new PortalFactory();
        await stranger.InitializeAsync();
        using var strangerClient = Client(stranger);
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithAuthCookieAsync(strangerClient, authCookie));
        Assert.ThrowsAny<CryptographicException>(() => stranger.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(payload));
    }

    private static HttpClient Client(PortalFactory portal) =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string antiforgeryCookie, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "applicant@socialorder.kz", ["Password"] = DemoDataSeeder.DemoPassword, ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        return await client.SendAsync(request);
    }

    private static async Task<HttpStatusCode> StatusWithAuthCookieAsync(HttpClient client, string authCookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Applicant", UriKind.Relative));
        request.Headers.Add("Cookie", authCookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>"name=value" of a cookie the response sets.</summary>
    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));
}
