using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

public sealed class OrganizerPagesTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> DraftFields(DateTimeOffset now, string budget = "10000000")
    {
        var local = now.ToOffset(TimeSpan.FromHours(5));
        var fields = new Dictionary<string, string>
        {
            ["Form.TitleKk"] = "Жастар бастамаларын қолдау",
            ["Form.TitleRu"] = "Поддержка молодёжных инициатив",
            ["Form.SummaryKk"] = "Қысқаша",
            ["Form.SummaryRu"] = "Кратко",
            ["Form.DescriptionKk"] = "Сипаттама",
            ["Form.DescriptionRu"] = "Описание",
            ["Form.EligibilityKk"] = "Талаптар",
            ["Form.EligibilityRu"] = "Требования",
            ["Form.PriorityAreaId"] = "1",
            ["Form.RegionId"] = "19",
            ["Form.Instrument"] = "StateGrant",
            ["Form.Budget"] = budget,
            ["Form.MaxPerProject"] = "2000000",
            ["Form.DurationMonths"] = "12",
            ["Form.Term"] = "Short",
            ["Form.OpensAt"] = local.AddDays(1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Form.ClosesAt"] = local.AddDays(30).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Form.ExpertsPerBid"] = "3",
            ["Form.DivergenceThreshold"] = "30",
            ["Form.MinimumTotalScore"] = "50",
            ["Form.Criteria.Index"] = "a",
            ["Form.Criteria[a].Code"] = "REL",
            ["Form.Criteria[a].NameKk"] = "Өзектілік",
            ["Form.Criteria[a].NameRu"] = "Актуальность",
            ["Form.Criteria[a].MaxPoints"] = "10",
            ["Form.Criteria[a].Weight"] = "1",
        };
        return fields;
    }

    private async Task<WebPage> SignedInAsync(string email)
    {
        var page = WebPage.Open(app);
        (await page.SignInAsync(email, DemoDataSeeder.DemoPassword)).Dispose();
        return page;
    }

    [Fact]
    public async Task CreateDraft_WithZeroBudget_ShowsLocalizedMessageBesideBudgetAndKeepsTheTitles()
    {
        var page = await SignedInAsync("official@socialorder.kz");

        using var response = await page.PostFormAsync("/Organizer/Calls/Create", "/Organizer/Calls/Create", DraftFields(app.Clock.GetUtcNow(), budget: "0"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Resources.Text("Call.BudgetNotPositive"), WebPage.FieldError(html, "Form_Budget"));
        Assert.Equal("Жастар бастамаларын қолдау", WebPage.InputValue(html, "Form.TitleKk"));
    }

    [Fact]
    public async Task CreatePublishAndOpen_ByOwnOfficial_ThenAnotherBodyGets404()
    {
        var page = await SignedInAsync("official@socialorder.kz");
        using var created = await page.PostFormAsync("/Organizer/Calls/Create", "/Organizer/Calls/Create", DraftFields(app.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var details = created.Headers.Location!.OriginalString;
        var (_, detailsHtml) = await page.GetAsync(details);
        Assert.StartsWith("/Organizer/Calls/Details/", details, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"publish-ready\"", detailsHtml, StringComparison.Ordinal);

        using var published = await page.PostFormAsync(details, details.Replace("Details", "Publish", StringComparison.Ordinal), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var (_, after) = await page.GetAsync(details);
        Assert.Contains(Resources.Text("Phase.Upcoming"), after, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"SG-\d{4}-\d{4}"), after);

        var other = await SignedInAsync("official.almaty@socialorder.kz");
        var (status, html) = await other.GetAsync(details);
        var (editStatus, _) = await other.GetAsync(details.Replace("Details", "Amend", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(HttpStatusCode.NotFound, editStatus);
        Assert.Contains(Resources.Text("Error.404.Title"), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganizerArea_ForApplicant_IsDenied()
    {
        var page = await SignedInAsync("applicant@socialorder.kz");

        using var response = await page.Client.GetAsync(new Uri("/Organizer/Calls", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
