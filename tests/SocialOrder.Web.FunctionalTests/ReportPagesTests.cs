using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Accounts.CreateStaffAccount;
using SocialOrder.Application.Agreements.Accept;
using SocialOrder.Application.Agreements.Issue;
using SocialOrder.Application.Awards;
using SocialOrder.Application.Awards.ConfirmDecision;
using SocialOrder.Application.Awards.PrepareDecision;
using SocialOrder.Application.Awards.RecordAttendance;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Calls;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Infrastructure.Identity;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>The report pages through HTTP: the project page's reports part, the editor, autosave, submit, the receipt and the observer's reading.</summary>
public sealed partial class ReportPagesTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static readonly ClaimsPrincipal Admin = PortalFactory.Principal(Guid.NewGuid(), "admin@socialorder.kz", Roles.Administrator);

    /// <summary>An accepted agreement of the ministry whose organization applicant@ has joined.</summary>
    private async Task<Guid> AcceptedAgreementOfApplicantAsync()
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, 2, experts: 6, sheetsPerBid: 3, CancellationToken.None);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var created = await app.SendAsync(new CreateStaffAccountCommand($"rpt.page{i}.{Guid.NewGuid():N}@gov.kz", $"Член комиссии {i}", Roles.Official, seeded.OfficialStateBodyId, "ru"), Admin);
            ids.Add(created.Value);
        }

        var chair = PortalFactory.Principal(ids[0], $"{ids[0]}@gov.kz", seeded.OfficialStateBodyId, Roles.Official);
        Assert.True((await app.SendAsync(new PrepareDecisionCommand(seeded.CallId, [new(ids[0], CommissionRole.Chair), new(ids[1], CommissionRole.Secretary), new(ids[2], CommissionRole.Member)], 2m / 3m), chair)).IsSuccess);
        Assert.True((await app.SendAsync(new RecordAttendanceCommand(seeded.CallId, [ids[0], ids[1]]), chair)).IsSuccess);
        var confirmed = await app.SendAsync(new ConfirmDecisionCommand(seeded.CallId), chair);
        Assert.True(confirmed.IsSuccess, string.Join(",", confirmed.Errors.Select(e => e.Code)));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var agreement = await db.Agreements.AsNoTracking().Where(a => a.CallId == new CallId(seeded.CallId)).OrderBy(a => a.Number).FirstAsync();
        Assert.True((await app.SendAsync(new IssueAgreementCommand(agreement.Id.Value), chair)).IsSuccess);
        var organization = await db.Organizations.SingleAsync(o => o.Id == agreement.OrganizationId);
        var founder = organization.Members[0].UserId;
        Assert.True((await app.SendAsync(new AcceptAgreementCommand(agreement.Id.Value), PortalFactory.Principal(founder, $"{founder:N}@ngo.itest", Roles.Applicant))).IsSuccess);

        var applicant = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("applicant@socialorder.kz");
        var invitation = organization.Invite(founder, "applicant@socialorder.kz", app.Clock.GetUtcNow());
        organization.AcceptInvitation(invitation.Token, applicant!.Id, "applicant@socialorder.kz", app.Clock.GetUtcNow());
        await db.SaveChangesAsync();
        return agreement.Id.Value;
    }

    [Fact]
    public async Task TheOrganization_StartsFillsAndSubmitsAReport_AndTheObserverReadsIt()
    {
        var agreementId = await AcceptedAgreementOfApplicantAsync();
        var page = WebPage.Open(app);
        (await page.SignInAsync("applicant@socialorder.kz", DemoDataSeeder.DemoPassword)).Dispose();

        var (status, project) = await page.GetAsync($"/Applicant/Projects/Details/{agreementId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"agreement-reports\"", project, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"agreement-budget\"", project, StringComparison.Ordinal);

        using var started = await page.PostFormAsync($"/Applicant/Projects/Details/{agreementId}", $"/Applicant/Reports/Start/{agreementId}", new Dictionary<string, string> { ["number"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var editUrl = started.Headers.Location!.OriginalString;
        var reportId = Guid.Parse(editUrl.Split('/')[^1]);

        var (editStatus, editor) = await page.GetAsync(editUrl);
        Assert.Equal(HttpStatusCode.OK, editStatus);
        Assert.Contains("id=\"report-editor\"", editor, StringComparison.Ordinal);
        var revision = WebPage.InputValue(editor, "Form.Revision")!;
        var planned = PlannedRegex().Match(editor).Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["Form.Revision"] = revision,
            ["Form.Activities[0].Progress"] = "Done",
            ["Form.Indicators[0].Actual"] = "57",
            ["Form.Indicators[0].Comment"] = "По спискам",
            ["Form.Budget[0].Spent"] = planned,
            ["Form.Narrative"] = "Проведены тренинги.",
        };

        using var autosave = await page.PostFormAsync(editUrl, $"/Applicant/Reports/Autosave/{reportId}", fields);
        Assert.Equal(HttpStatusCode.OK, autosave.StatusCode);
        Assert.Contains("revision", await autosave.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The stale revision the page started from is refused, never overwriting the saved draft.
        using var stale = await page.PostFormAsync(editUrl, $"/Applicant/Reports/Autosave/{reportId}", fields);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var (_, fresh) = await page.GetAsync(editUrl);
        fields["Form.Revision"] = WebPage.InputValue(fresh, "Form.Revision")!;
        using var submitted = await page.PostFormAsync(editUrl, $"/Applicant/Reports/Submit/{reportId}", fields);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var (receiptStatus, receipt) = await page.GetAsync(submitted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, receiptStatus);
        Assert.Matches("RPT-\\d{4}-\\d{4,}", receipt);

        using var pdf = await page.Client.GetAsync(new Uri($"/Applicant/Reports/ReceiptPdf/{reportId}?version=1&lang=kk", UriKind.Relative));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var (detailsStatus, details) = await page.GetAsync($"/Applicant/Reports/Details/{reportId}");
        Assert.Equal(HttpStatusCode.OK, detailsStatus);
        Assert.Contains("Проведены тренинги.", details, StringComparison.Ordinal);

        var observer = WebPage.Open(app);
        (await observer.SignInAsync("observer@socialorder.kz", DemoDataSeeder.DemoPassword)).Dispose();
        var (obsProject, obsHtml) = await observer.GetAsync($"/Observer/Projects/Details?agreementId={agreementId}");
        Assert.Equal(HttpStatusCode.OK, obsProject);
        Assert.Contains("data-testid=\"read-report\"", obsHtml, StringComparison.Ordinal);
        var (obsStatus, obsReport) = await observer.GetAsync($"/Observer/Reports/Details?reportId={reportId}");
        Assert.Equal(HttpStatusCode.OK, obsStatus);
        Assert.DoesNotContain("data-testid=\"accept-report\"", obsReport, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-planned=\"([0-9.]+)\"")]
    private static partial Regex PlannedRegex();
}
