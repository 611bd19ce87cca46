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
    public async Task CreateDraft_WithEnglishTexts_ShowsThemOnEnglishPagesAndRussianWhereEnglishIsLeftEmpty()
    {
        var page = await SignedInAsync("official@socialorder.kz");
        var fields = DraftFields(app.Clock.GetUtcNow());
        fields["Form.TitleEn"] = "Support for rural youth initiatives";
        fields["Form.DescriptionEn"] = "What the call funds, in English.";
        fields["Form.EligibilityEn"] = "Registered NGOs only.";
        fields["Form.Criteria[a].NameEn"] = "Relevance to the community";
        fields["Form.Criteria[a].GuidanceEn"] = "Is the problem shown with data?";
        fields["Form.RequiredDocuments.Index"] = "d";
        fields["Form.RequiredDocuments[d].NameKk"] = "Жарғы";
        fields["Form.RequiredDocuments[d].NameRu"] = "Устав";
        fields["Form.RequiredDocuments[d].NameEn"] = "Charter";
        fields["Form.RequiredDocuments[d].AllowedTypes"] = "pdf";
        fields["Form.RequiredDocuments[d].IsMandatory"] = "true";

        using var created = await page.PostFormAsync("/Organizer/Calls/Create", "/Organizer/Calls/Create", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var details = created.Headers.Location!.OriginalString;
        var id = details[(details.LastIndexOf('/') + 1)..];

        // The editor gives the English texts back, and in English each row's fields and buttons are named after their row.
        await page.ChooseLanguageAsync("en");
        var (_, editor) = await page.GetAsync($"/Organizer/Calls/Edit/{id}");
        Assert.Equal("Support for rural youth initiatives", WebPage.InputValue(editor, "Form.TitleEn"));
        Assert.Equal("Relevance to the community", WebPage.InputValue(editor, "Form.Criteria[0].NameEn"));
        Assert.Equal("Charter", WebPage.InputValue(editor, "Form.RequiredDocuments[0].NameEn"));
        Assert.Contains("aria-label=\"Weight of criterion 1\"", editor, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Remove criterion 1\"", editor, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Remove document 1\"", editor, StringComparison.Ordinal);

        using var published = await page.PostFormAsync(details, details.Replace("Details", "Publish", StringComparison.Ordinal), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var (status, english) = await page.GetAsync($"/Calls/{id}");
        english = WebUtility.HtmlDecode(english);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("Support for rural youth initiatives", english, StringComparison.Ordinal);
        Assert.Contains("What the call funds, in English.", english, StringComparison.Ordinal);
        Assert.Contains("Registered NGOs only.", english, StringComparison.Ordinal);
        Assert.Contains("Relevance to the community", english, StringComparison.Ordinal);
        Assert.Contains("Charter", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Поддержка молодёжных инициатив", english, StringComparison.Ordinal);
        // No English summary was entered: the Russian one stands in.
        Assert.Contains("Кратко", english, StringComparison.Ordinal);

        await page.ChooseLanguageAsync("ru");
        var (_, russian) = await page.GetAsync($"/Calls/{id}");
        Assert.Contains("Поддержка молодёжных инициатив", WebUtility.HtmlDecode(russian), StringComparison.Ordinal);
        Assert.DoesNotContain("Support for rural youth initiatives", russian, StringComparison.Ordinal);
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
