using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Infrastructure.Identity;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>The evaluation's pages over HTTP: refusals beside the field, 404 for what is not yours.</summary>
public sealed class EvaluationPagesTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private Task<(Guid CallId, Guid AssignmentId)> AcceptedAssignmentAsync() => Scenarios.AcceptedAssignmentAsync(app);

    [Fact]
    public async Task ScoringForm_PointsAboveTheMaximum_ShowsTheMessageBesideTheField_AndKeepsWhatWasTyped()
    {
        var (_, assignmentId) = await AcceptedAssignmentAsync();
        var page = WebPage.Open(app);
        (await page.SignInAsync("expert@socialorder.kz", DemoDataSeeder.DemoPassword)).Dispose();
        var url = $"/Expert/Assignments/Score/{assignmentId}";

        var (status, form) = await page.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Count(form, "data-testid=\"criterion-block\""));

        using var response = await page.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Form.Revision"] = "0", ["Form.Scores[0].Code"] = "REL", ["Form.Scores[0].Points"] = "11",
            ["Form.Scores[0].Justification"] = "Проблема подтверждена данными акимата и опросом 300 человек.",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(Resources.Text("Sheet.PointsOutOfRange", "ru", 10), WebPage.FieldError(html, "Form_Scores_0__Points"));
        Assert.Contains("Проблема подтверждена данными акимата", html, StringComparison.Ordinal);
        Assert.Equal("11", WebPage.InputValue(html, "Form.Scores[0].Points"));
    }

    [Fact]
    public async Task ScoringPage_KeepsTheBidBesideTheSheetWithAStylesheetClass_AndShowsCoFinancingOfZero()
    {
        var (_, assignmentId) = await AcceptedAssignmentAsync();
        var page = WebPage.Open(app);
        (await page.SignInAsync("expert@socialorder.kz", DemoDataSeeder.DemoPassword)).Dispose();

        var (status, html) = await page.GetAsync($"/Expert/Assignments/Score/{assignmentId}");
        var (_, css) = await page.GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, status);
        // The content security policy (style-src 'self') drops inline styles: the page must not rely on one.
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        Assert.Matches("class=\"[^\"]*\\bbid-reader\\b[^\"]*\"[^>]*data-testid=\"bid-content\"", html);
        Assert.Matches(@"\.bid-reader\s*\{[^}]*overflow-y:\s*auto", css);
        Assert.Matches(@"\.bid-reader\s*\{[^}]*position:\s*sticky", css);
        var coFinancing = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"co-financing\">([^<]*)<").Groups[1].Value;
        Assert.Equal("0\u00A0₸", WebUtility.HtmlDecode(coFinancing));
    }

    [Fact]
    public async Task Dashboard_OfAnotherStateBody_And_SomeoneElsesSheet_Are404()
    {
        var (callId, assignmentId) = await AcceptedAssignmentAsync();

        var almaty = WebPage.Open(app);
        (await almaty.SignInAsync("official.almaty@socialorder.kz", DemoDataSeeder.DemoPassword)).Dispose();
        var (dashboard, html) = await almaty.GetAsync($"/Organizer/Evaluation/Index/{callId}");

        var other = WebPage.Open(app);
        (await other.SignInAsync("expert2@socialorder.kz", DemoDataSeeder.DemoPassword)).Dispose();
        var (sheet, _) = await other.GetAsync($"/Expert/Assignments/Score/{assignmentId}");

        var ministry = WebPage.Open(app);
        (await ministry.SignInAsync("official@socialorder.kz", DemoDataSeeder.DemoPassword)).Dispose();
        var (own, ownHtml) = await ministry.GetAsync($"/Organizer/Evaluation/Index/{callId}");

        Assert.Equal(HttpStatusCode.NotFound, dashboard);
        Assert.Contains(Resources.Text("Error.404.Title"), html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, sheet);
        Assert.Equal(HttpStatusCode.OK, own);
        Assert.Contains("data-testid=\"evaluation-bid\"", ownHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicProtocol_BeforeTheDecision_Is404_AndExpertProfile_ForAnApplicant_Is404()
    {
        var (callId, _) = await AcceptedAssignmentAsync();
        var anonymous = WebPage.Open(app);
        var (protocol, _) = await anonymous.GetAsync($"/Calls/{callId}/protocol/kk");

        var applicant = WebPage.Open(app);
        (await applicant.SignInAsync("applicant@socialorder.kz", DemoDataSeeder.DemoPassword)).Dispose();
        var (profile, _) = await applicant.GetAsync("/Expert/Profile");

        Assert.Equal(HttpStatusCode.NotFound, protocol);
        Assert.Equal(HttpStatusCode.NotFound, profile);
    }

    [Fact]
    public async Task CommissionForm_PostedAsRendered_InRussian_PreparesTheDecision()
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, bids: 3, experts: 4, sheetsPerBid: 3, CancellationToken.None);
        var page = WebPage.Open(app);
        (await page.SignInAsync("official@socialorder.kz", DemoDataSeeder.DemoPassword)).Dispose();
        var url = $"/Organizer/Awards/Index/{seeded.CallId}";
        var (_, html) = await page.GetAsync(url);
        var people = System.Text.RegularExpressions.Regex.Matches(html, "name=\"Members\\[(\\d+)\\]\\.UserId\" value=\"([0-9a-f-]{36})\"").Select(m => m.Groups[1].Value).ToList();
        Assert.True(people.Count >= 3, html);
        var roles = new[] { "Chair", "Secretary", "Member" };
        var fields = new Dictionary<string, string> { ["quorumPercent"] = WebPage.InputValue(html, "quorumPercent")! };
        foreach (var (index, role) in people.Take(3).Zip(roles))
        {
            fields[$"Members[{index}].UserId"] = WebPage.InputValue(html, $"Members[{index}].UserId")!;
            fields[$"Members[{index}].Role"] = role;
        }

        using var prepared = await page.PostFormAsync(url, $"/Organizer/Awards/Prepare/{seeded.CallId}", fields);
        var (_, after) = await page.GetAsync(url);

        Assert.Equal("66,67", fields["quorumPercent"]);
        Assert.Equal(HttpStatusCode.Redirect, prepared.StatusCode);
        Assert.Contains("data-testid=\"decision\"", after, StringComparison.Ordinal);
    }
}
