using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;
using SocialOrder.Web.Infrastructure;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>The defects a security review found (issue 13), each tried the way the reviewer tried it.</summary>
public sealed class SecurityDefectsTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private async Task<WebPage> SignedInAsync(string email)
    {
        var page = WebPage.Open(app);
        (await page.SignInAsync(email, DemoDataSeeder.DemoPassword)).Dispose();
        return page;
    }

    /// <summary>A draft call of the Almaty akimat, made through its official's form.</summary>
    private async Task<Guid> AlmatyCallAsync()
    {
        var page = await SignedInAsync("official.almaty@socialorder.kz");
        var local = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(5));
        using var created = await page.PostFormAsync("/Organizer/Calls/Create", "/Organizer/Calls/Create", new Dictionary<string, string>
        {
            ["Form.TitleKk"] = "Алматы жастары", ["Form.TitleRu"] = "Молодёжь Алматы", ["Form.Budget"] = "5000000",
            ["Form.OpensAt"] = local.AddDays(1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Form.ClosesAt"] = local.AddDays(30).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    [Fact]
    public async Task ExpertPool_WithAnotherBodysCallId_Is404_AndWithOwnCallOrNone_Is200()
    {
        var almatyCall = await AlmatyCallAsync();
        var ministry = await SignedInAsync("official@socialorder.kz");
        var almaty = await SignedInAsync("official.almaty@socialorder.kz");

        var (foreign, _) = await ministry.GetAsync($"/Organizer/Evaluation/Pool?id={almatyCall}");
        var (own, ownHtml) = await almaty.GetAsync($"/Organizer/Evaluation/Pool?id={almatyCall}");
        var (none, _) = await ministry.GetAsync("/Organizer/Evaluation/Pool");

        Assert.Equal(HttpStatusCode.NotFound, foreign);
        Assert.Equal(HttpStatusCode.OK, own);
        Assert.Contains("expert@socialorder.kz", ownHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, none);
    }

    /// <summary>Every Organizer and Observer action that takes a call id, GET and POST alike, found from the portal's own endpoints.</summary>
    [Fact]
    public async Task EveryStaffRouteTakingACallId_ForAnotherBodysCall_Is404()
    {
        var almatyCall = await AlmatyCallAsync();
        var official = await SignedInAsync("official@socialorder.kz");
        var observer = await SignedInAsync("observer@socialorder.kz");
        var tokens = new Dictionary<WebPage, string>
        {
            [official] = WebPage.AntiforgeryToken((await official.GetAsync("/Organizer/Calls/Create")).Html),
            [observer] = WebPage.AntiforgeryToken((await observer.GetAsync("/Account/Manage")).Html),
        };
        var actions = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<ControllerActionDescriptor>())
            .OfType<ControllerActionDescriptor>()
            .Where(a => a.RouteValues.TryGetValue("area", out var area) && area is "Organizer" or "Observer")
            .Where(a => a.Parameters.Any(p => p.Name == "id"))
            .Select(a => (Area: a.RouteValues["area"]!, a.ControllerName, a.ActionName,
                Post: a.EndpointMetadata.OfType<Microsoft.AspNetCore.Mvc.Routing.IActionHttpMethodProvider>().Any(m => m.HttpMethods.Contains("POST"))))
            .Distinct()
            .ToList();
        Assert.True(actions.Count >= 25, $"only {actions.Count} actions found");

        var allowed = new List<string>();
        foreach (var (area, controller, action, post) in actions)
        {
            var page = area == "Organizer" ? official : observer;
            var url = $"/{area}/{controller}/{action}/{almatyCall}";
            using var response = post
                ? await page.Client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = tokens[page], ["bidId"] = Guid.NewGuid().ToString(), ["reason"] = "x",
                }))
                : await page.Client.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                allowed.Add($"{(post ? "POST" : "GET")} {url}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(allowed);
    }

    [Theory]
    [InlineData("/Calls?page=2147483647")]
    [InlineData("/Calls?page=-2147483648")]
    [InlineData("/Organizer/Calls?page=2147483647")]
    [InlineData("/Organizer/Evaluation/Pool?page=2147483647")]
    [InlineData("/Admin/Users?page=2147483647")]
    [InlineData("/Admin/Audit?page=2147483647")]
    [InlineData("/Observer/Calls?page=2147483647")]
    public async Task PagedList_AtAPageWhoseOffsetOverflows_IsAnEmptyPage_Not500(string url)
    {
        var who = url.Split('/')[1] switch
        {
            "Organizer" => "official@socialorder.kz",
            "Admin" => "admin@socialorder.kz",
            "Observer" => "observer@socialorder.kz",
            _ => null,
        };
        var page = who is null ? WebPage.Open(app) : await SignedInAsync(who);

        var (status, html) = await page.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithAnE_MailOf300Characters_IsRefusedBesideTheForm_AndAudited()
    {
        var email = new string('a', 290) + "@example.kz";
        var page = WebPage.Open(app);

        using var response = await page.SignInAsync(email, "whatever-password");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(WebPage.FieldError(html, "Email"));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.AuditEvents.AsNoTracking().Where(e => e.Action == "SignIn").OrderByDescending(e => e.Id).FirstAsync();
        // The background sealer links it into the hash chain within a second or two (ADR 30).
        for (var wait = 0; !entry.IsSealed && wait < 100; wait++)
        {
            await Task.Delay(100);
            entry = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id == entry.Id);
        }

        Assert.True(entry.IsSealed);
        Assert.StartsWith("aaaaaaaaaa", entry.EntityId, StringComparison.Ordinal);
        Assert.Equal(256, entry.EntityId!.Length);
        Assert.True(entry.HashMatches());
    }

    [Fact]
    public async Task CallDraft_WithTheFirstDayOfTheCalendarAsItsDeadline_ShowsAMessageBesideTheField()
    {
        var page = await SignedInAsync("official@socialorder.kz");

        using var response = await page.PostFormAsync("/Organizer/Calls/Create", "/Organizer/Calls/Create", new Dictionary<string, string>
        {
            ["Form.TitleKk"] = "Күн", ["Form.TitleRu"] = "Дата", ["Form.OpensAt"] = "0001-01-01T00:00", ["Form.ClosesAt"] = "9999-12-31T23:59",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Resources.Text("Validation.DateOutOfRange"), WebPage.FieldError(html, "Form_OpensAt"));
        Assert.Equal(Resources.Text("Validation.DateOutOfRange"), WebPage.FieldError(html, "Form_ClosesAt"));
        Assert.Equal("Дата", WebPage.InputValue(html, "Form.TitleRu"));
    }

    [Fact]
    public async Task AmendForm_InvalidAndForAnotherBodysCall_Is404()
    {
        var almatyCall = await AlmatyCallAsync();
        var ministry = await SignedInAsync("official@socialorder.kz");
        var token = WebPage.AntiforgeryToken((await ministry.GetAsync("/Organizer/Calls/Create")).Html);

        using var response = await ministry.Client.PostAsync(new Uri($"/Organizer/Calls/Amend/{almatyCall}", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Form.Budget"] = "-1" }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RankingRoute_LeadsToTheDashboardsRankingTab()
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, bids: 1, experts: 3, sheetsPerBid: 0, CancellationToken.None);
        var page = await SignedInAsync("official@socialorder.kz");

        using var response = await page.Client.GetAsync(new Uri($"/Organizer/Evaluation/Ranking/{seeded.CallId}", UriKind.Relative));
        var (status, _) = await page.GetAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("tab=ranking", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    /// <summary>
    /// A raw CR/LF or a bare quote inside a multipart file name: whether the form can be read (then the made-up bid is
    /// 404) or not (400), the answer is a localized error page, never a status line of 0.
    /// </summary>
    [Theory]
    [InlineData("a\r\nb.pdf", HttpStatusCode.BadRequest, "Error.400.Title")]
    [InlineData("a\rb.pdf", HttpStatusCode.NotFound, "Error.404.Title")]
    [InlineData("a\"b.pdf", HttpStatusCode.BadRequest, "Error.400.Title")]
    public async Task Upload_WhoseFileNameHoldsARawLineBreakOrQuote_IsALocalizedErrorPage(string fileName, HttpStatusCode expected, string title)
    {
        var page = await SignedInAsync("applicant@socialorder.kz");
        var token = WebPage.AntiforgeryToken((await page.GetAsync("/Applicant/Organizations")).Html);
        const string boundary = "XyZBOUNDARY";
        var body = $"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n" +
                   $"--{boundary}\r\nContent-Disposition: form-data; name=\"documentIndex\"\r\n\r\n0\r\n" +
                   $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n" +
                   $"--{boundary}--\r\n";
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");

        using var response = await page.Client.PostAsync(new Uri($"/Applicant/Bids/Upload/{Guid.NewGuid()}", UriKind.Relative), content);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(Resources.Text(title), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinksInE_Mails_WithoutTheSetting_PointToTheHostOfTheRequest()
    {
        var page = WebPage.Open(app);
        page.Client.DefaultRequestHeaders.Host = "portal.akimat.kz";

        using var response = await page.PostFormAsync("/Account/ForgotPassword", "/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "expert2@socialorder.kz" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = app.Outbox().Last(m => m.To == "expert2@socialorder.kz");
        Assert.Matches(new Regex("href=\"https://portal\\.akimat\\.kz/Account/ResetPassword\\?"), mail.HtmlBody);
        Assert.DoesNotContain("localhost:5080", mail.HtmlBody, StringComparison.Ordinal);
    }
}

/// <summary>The portal as `docker compose up` ran it: Production, over a database that holds the demo accounts.</summary>
public sealed class ProductionStartupTests
{
    private sealed class ProductionPortal(Dictionary<string, string?> settings) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    private static readonly Microsoft.Extensions.Hosting.Internal.HostingEnvironment Production = new() { EnvironmentName = "Production" };

    private static IConfiguration Settings(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static async Task StartAsync(Dictionary<string, string?> settings, Func<ProductionPortal, Task>? then = null)
    {
        await using var portal = new ProductionPortal(settings);
        await portal.InitializeAsync();
        _ = portal.Services;
        if (then is not null)
        {
            await then(portal);
        }
    }

    [Fact]
    public async Task TheGuard_IsTheFirstThingThePortalStarts()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();

        var first = portal.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().First();

        Assert.IsType<ProductionGuard>(first);
    }

    [Fact]
    public async Task Production_WithoutAPublicBaseUrl_RefusesToStart_Saying_WhatToSet()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();
        var guard = new ProductionGuard(portal.Services, Production, Settings(new() { ["Portal:AllowDemoAccounts"] = "true" }));
        var relative = new ProductionGuard(portal.Services, Production, Settings(new() { ["Portal:AllowDemoAccounts"] = "true", ["Portal:PublicBaseUrl"] = "socialorder.kz" }));

        var refused = await Assert.ThrowsAsync<PortalConfigurationException>(() => guard.StartAsync(CancellationToken.None));
        await Assert.ThrowsAsync<PortalConfigurationException>(() => relative.StartAsync(CancellationToken.None));

        Assert.Contains("Portal__PublicBaseUrl", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithTheDemoAccountsPresent_RefusesToStart_UnlessAllowed()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();
        var refusing = new ProductionGuard(portal.Services, Production, Settings(new() { ["Portal:PublicBaseUrl"] = "https://socialorder.example.kz" }));
        var allowing = new ProductionGuard(portal.Services, Production,
            Settings(new() { ["Portal:PublicBaseUrl"] = "https://socialorder.example.kz", ["Portal:AllowDemoAccounts"] = "true" }));

        var refused = await Assert.ThrowsAsync<PortalConfigurationException>(() => refusing.StartAsync(CancellationToken.None));
        await allowing.StartAsync(CancellationToken.None);

        Assert.Contains("admin@socialorder.kz", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_AskedForDemoData_WithoutAllowing_IsRefusedBeforeSeeding()
    {
        var production = Production;
        var development = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" };
        static IConfiguration Allow(bool allow) => Settings(new() { ["Portal:AllowDemoAccounts"] = allow ? "true" : "false" });

        var refused = Assert.Throws<PortalConfigurationException>(() => DemoAccountsGuard.RefuseDemoSeedInProduction(production, Allow(false), seedDemo: true));
        DemoAccountsGuard.RefuseDemoSeedInProduction(production, Allow(true), seedDemo: true);
        DemoAccountsGuard.RefuseDemoSeedInProduction(production, Allow(false), seedDemo: false);
        DemoAccountsGuard.RefuseDemoSeedInProduction(development, Allow(false), seedDemo: true);

        Assert.Contains("Seed__Demo", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_OutboxPage_EvenWhenEnabled_IsOnlyForAnAdministrator()
    {
        await StartAsync(
            new() { ["Portal:PublicBaseUrl"] = "https://socialorder.example.kz", ["Portal:AllowDemoAccounts"] = "true", ["DevOutbox:Enabled"] = "true" },
            async portal =>
            {
                var anonymous = WebPage.Open(portal);
                var (anonymousStatus, _) = await anonymous.GetAsync("/dev/outbox");
                var applicant = WebPage.Open(portal);
                (await applicant.SignInAsync("applicant@socialorder.kz", DemoDataSeeder.DemoPassword)).Dispose();
                var (applicantStatus, _) = await applicant.GetAsync("/dev/outbox");
                var admin = WebPage.Open(portal);
                (await admin.SignInAsync("admin@socialorder.kz", DemoDataSeeder.DemoPassword)).Dispose();
                var (adminStatus, _) = await admin.GetAsync("/dev/outbox");

                Assert.Equal(HttpStatusCode.NotFound, anonymousStatus);
                Assert.Equal(HttpStatusCode.NotFound, applicantStatus);
                Assert.Equal(HttpStatusCode.OK, adminStatus);
            });
    }
}
