using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Accounts.CreateStaffAccount;
using SocialOrder.Application.Agreements.Accept;
using SocialOrder.Application.Agreements.Issue;
using SocialOrder.Application.Agreements.RecordPayment;
using SocialOrder.Application.Agreements.Terminate;
using SocialOrder.Application.Awards.ChangeDecisionLine;
using SocialOrder.Application.Awards.ConfirmDecision;
using SocialOrder.Application.Awards.PrepareDecision;
using SocialOrder.Application.Awards.RecordAttendance;
using SocialOrder.Application.Awards;
using SocialOrder.Application.Calls.GetCallImplementation;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Reports.AcceptReport;
using SocialOrder.Application.Reports.GetAgreementReports;
using SocialOrder.Application.Reports.GetReport;
using SocialOrder.Application.Reports.GetReportEditor;
using SocialOrder.Application.Reports.GetReportReceiptPdf;
using SocialOrder.Application.Reports.ReturnReport;
using SocialOrder.Application.Reports.SaveReportDraft;
using SocialOrder.Application.Reports.StartReport;
using SocialOrder.Application.Reports.SubmitReport;
using SocialOrder.Application.Reports.UploadReportEvidence;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Reports;
using SocialOrder.Domain.Verification;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;
using UglyToad.PdfPig;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>Reports on an accepted agreement through the use cases and PostgreSQL, with every refusal the issue names.</summary>
public sealed class ReportIntegrationTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static readonly ClaimsPrincipal Admin = PortalFactory.Principal(Guid.NewGuid(), "admin@socialorder.kz", Roles.Administrator);
    private static int _people;

    private sealed record Project(Guid CallId, Guid BodyId, ClaimsPrincipal Official, Agreement Agreement, Agreement Other, ClaimsPrincipal Ngo, ClaimsPrincipal OtherNgo);

    private static ClaimsPrincipal Official(Guid id, Guid body) => PortalFactory.Principal(id, $"{id}@gov.kz", body, Roles.Official);

    private async Task<T> Db<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<Agreement> AgreementAsync(Guid id) => Db(db => db.Agreements.AsNoTracking().SingleAsync(a => a.Id == new AgreementId(id)));

    private Task<Report> ReportAsync(Guid id) => Db(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == new ReportId(id)));

    private async Task<ClaimsPrincipal> NgoAdministratorAsync(Agreement agreement)
    {
        var founder = await Db(db => db.Organizations.AsNoTracking().Where(o => o.Id == agreement.OrganizationId).SelectMany(o => o.Members).Select(m => m.UserId).FirstAsync());
        return PortalFactory.Principal(founder, $"{founder:N}@ngo.itest", Roles.Applicant);
    }

    private DateOnly Today => DateOnly.FromDateTime(KazakhstanTime.ToLocal(app.Clock.GetUtcNow()).Date);

    /// <summary>A locked award with two funded bids; both agreements issued and accepted by their organizations.</summary>
    private async Task<Project> AcceptedProjectsAsync()
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, 3, experts: 6, sheetsPerBid: 3, CancellationToken.None);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var n = Interlocked.Increment(ref _people);
            var created = await app.SendAsync(new CreateStaffAccountCommand($"rpt.member{n}.{Guid.NewGuid():N}@gov.kz", $"Член комиссии {n}", Roles.Official, seeded.OfficialStateBodyId, "ru"), Admin);
            Assert.True(created.IsSuccess, string.Join(",", created.Errors.Select(e => e.Code)));
            ids.Add(created.Value);
        }

        var chair = Official(ids[0], seeded.OfficialStateBodyId);
        var secretary = Official(ids[1], seeded.OfficialStateBodyId);
        var members = new List<MemberInput> { new(ids[0], CommissionRole.Chair), new(ids[1], CommissionRole.Secretary), new(ids[2], CommissionRole.Member) };
        Assert.True((await app.SendAsync(new PrepareDecisionCommand(seeded.CallId, members, 2m / 3m), chair)).IsSuccess);
        Assert.True((await app.SendAsync(new RecordAttendanceCommand(seeded.CallId, [ids[0], ids[1]]), chair)).IsSuccess);
        var decision = await Db(db => db.AwardDecisions.AsNoTracking().SingleAsync(d => d.CallId == new CallId(seeded.CallId)));
        var last = decision.Lines.OrderBy(l => l.Rank).Last();
        Assert.True((await app.SendAsync(new ChangeDecisionLineCommand(seeded.CallId, last.BidId.Value, 0m, AwardOutcome.NotAwarded, "Комиссия не поддержала проект"), secretary)).IsSuccess);
        Assert.True((await app.SendAsync(new ConfirmDecisionCommand(seeded.CallId), chair)).IsSuccess);

        var agreements = await Db(db => db.Agreements.AsNoTracking().Where(a => a.CallId == new CallId(seeded.CallId)).OrderBy(a => a.Number).ToListAsync());
        var principals = new List<ClaimsPrincipal>();
        foreach (var a in agreements.Take(2))
        {
            Assert.True((await app.SendAsync(new IssueAgreementCommand(a.Id.Value), chair)).IsSuccess);
            var ngo = await NgoAdministratorAsync(a);
            Assert.True((await app.SendAsync(new AcceptAgreementCommand(a.Id.Value), ngo)).IsSuccess);
            principals.Add(ngo);
        }

        return new Project(seeded.CallId, seeded.OfficialStateBodyId, chair, await AgreementAsync(agreements[0].Id.Value), await AgreementAsync(agreements[1].Id.Value), principals[0], principals[1]);
    }

    private async Task<(Guid Id, ReportEditor Editor)> StartAsync(Project p, int number = 1)
    {
        var started = await app.SendAsync(new StartReportCommand(p.Agreement.Id.Value, number), p.Ngo);
        Assert.True(started.IsSuccess, string.Join(",", started.Errors.Select(e => e.Code)));
        var editor = await app.SendAsync(new GetReportEditorQuery(started.Value), p.Ngo);
        return (started.Value, editor.Value);
    }

    /// <summary>Every section filled; each budget line spent exactly as planned (so no explanation is needed).</summary>
    private static SaveReportDraftCommand Filled(Guid id, ReportEditor e, string narrative = "Проект идёт по плану.", decimal? firstSpent = null, int? revision = null) => new(
        id, revision ?? e.Revision,
        [.. e.Content.Activities.Select(_ => new ActivityProgressInput(ActivityProgress.Done, null))],
        [.. e.Content.Indicators.Select(_ => new IndicatorActualInput(42m, "По спискам"))],
        [.. e.Content.Budget.Select((b, i) => new BudgetSpendingInput(i == 0 && firstSpent is { } s ? s : b.PlannedToDate, null))],
        narrative);

    private async Task<int> SaveAsync(Project p, SaveReportDraftCommand command)
    {
        var saved = await app.SendAsync(command, p.Ngo);
        Assert.True(saved.IsSuccess, string.Join(",", saved.Errors.Select(e => e.Code + ":" + e.Field)));
        return saved.Value;
    }

    [Fact]
    public async Task Report_IsSubmitted_ReturnedWithRemarks_Resubmitted_AndAccepted_TheTrancheBecomesPayable_AndIsPaid()
    {
        var p = await AcceptedProjectsAsync();
        Assert.NotEmpty(p.Agreement.BudgetLines);
        var (id, editor) = await StartAsync(p);
        Assert.Equal(p.Agreement.BudgetLines.Count, editor.Content.Budget.Count);
        var again = await app.SendAsync(new StartReportCommand(p.Agreement.Id.Value, 1), p.Ngo);
        Assert.Equal(id, again.Value);

        // Nothing reported yet: submitting names every missing part beside its field.
        var empty = await app.SendAsync(new SubmitReportCommand(id, editor.Revision), p.Ngo);
        Assert.Contains(empty.Errors, e => e.Code == "Report.ActivityStatusMissing" && e.Field == "Activities[0].Progress");
        Assert.Contains(empty.Errors, e => e.Code == "Report.NarrativeMissing" && e.Field == "Narrative");

        var revision = await SaveAsync(p, Filled(id, editor));
        var submitted = await app.SendAsync(new SubmitReportCommand(id, revision), p.Ngo);
        Assert.True(submitted.IsSuccess, string.Join(",", submitted.Errors.Select(e => e.Code + ":" + e.Field)));
        Assert.Equal(1, submitted.Value);

        // The body's official reads it and returns it with remarks on one section; the organization is e-mailed.
        var page = await app.SendAsync(new GetReportQuery(id), p.Official);
        Assert.True(page.Value.CanReview);
        Assert.Matches("^RPT-\\d{4}-\\d{4,}$", page.Value.Shown.ReceiptNumber);
        var noRemarks = await app.SendAsync(new ReturnReportCommand(id, " ", null, null, null), p.Official);
        Assert.Equal("Report.ReturnNeedsRemarks", noRemarks.Errors[0].Code);
        Assert.True((await app.SendAsync(new ReturnReportCommand(id, null, "Приложите списки участников", null, null), p.Official)).IsSuccess);

        editor = (await app.SendAsync(new GetReportEditorQuery(id), p.Ngo)).Value;
        Assert.Equal(ReportStatus.Returned, editor.Status);
        Assert.Equal("Приложите списки участников", editor.LastReview!.Remarks!.Indicators);
        revision = await SaveAsync(p, Filled(id, editor, "Списки участников приложены."));
        Assert.Equal(2, (await app.SendAsync(new SubmitReportCommand(id, revision), p.Ngo)).Value);

        var tranche = p.Agreement.Tranches.Single(t => t.AfterReport == 1);
        var early = await app.SendAsync(new RecordTranchePaymentCommand(p.Agreement.Id.Value, tranche.Number, Today, tranche.Amount, "ПП-7"), p.Official);
        Assert.Equal("Agreement.TrancheNotPayable", early.Errors[0].Code);
        Assert.True((await app.SendAsync(new AcceptReportCommand(id), p.Official)).IsSuccess);
        var twice = await app.SendAsync(new AcceptReportCommand(id), p.Official);
        Assert.Equal("Report.AlreadyAccepted", twice.Errors[0].Code);

        var report = await ReportAsync(id);
        Assert.Equal(ReportStatus.Accepted, report.Status);
        Assert.Equal(2, report.Versions.Count);
        Assert.Equal("Проект идёт по плану.", report.Versions[0].Content.Narrative);
        Assert.False(report.Versions[0].Review!.Accepted);
        Assert.True(report.Versions[1].Review!.Accepted);
        var old = await app.SendAsync(new GetReportQuery(id, 1), p.Ngo);
        Assert.Equal("Проект идёт по плану.", old.Value.Shown.Content.Narrative);

        var agreement = await AgreementAsync(p.Agreement.Id.Value);
        Assert.True(agreement.IsPayable(agreement.Tranches.Single(t => t.Number == tranche.Number)));
        Assert.True((await app.SendAsync(new RecordTranchePaymentCommand(p.Agreement.Id.Value, tranche.Number, Today, tranche.Amount, "ПП-7"), p.Official)).IsSuccess);

        // The project page shows the report accepted and the plan as the latest report says.
        var reports = await app.SendAsync(new GetAgreementReportsQuery(p.Agreement.Id.Value), p.Ngo);
        Assert.Equal(ReportStatus.Accepted, reports.Value.Reports[0].Status);
        Assert.All(reports.Value.Activities, a => Assert.Equal(ActivityProgress.Done, a.Progress));
        Assert.All(reports.Value.Indicators, i => Assert.Equal(42m, i.Actual));

        // Every state change is in the audit trail; the organization was e-mailed on return and on acceptance.
        foreach (var action in new[] { "StartReport", "SaveReportDraft", "SubmitReport", "ReturnReport", "AcceptReport" })
        {
            var audit = await Db(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == action && (e.EntityId == id.ToString() || e.EntityId == p.Agreement.Id.Value.ToString())).CountAsync());
            Assert.True(audit > 0, action);
        }
    }

    [Fact]
    public async Task PublicImplementation_ShowsTheAcceptedReportAndThePaidTranches_NotASubmittedReport()
    {
        var p = await AcceptedProjectsAsync();
        var advance = p.Agreement.Tranches.First(t => t.AfterReport is null);
        Assert.True((await app.SendAsync(new RecordTranchePaymentCommand(p.Agreement.Id.Value, advance.Number, Today, advance.Amount, "ПП-1"), p.Official)).IsSuccess);
        var (id, editor) = await StartAsync(p);
        var revision = await SaveAsync(p, Filled(id, editor, "Проведено 12 семинаров для молодёжи."));
        Assert.True((await app.SendAsync(new SubmitReportCommand(id, revision), p.Ngo)).IsSuccess);
        Assert.True((await app.SendAsync(new AcceptReportCommand(id), p.Official)).IsSuccess);

        // The other project's report is submitted but not accepted: the public must not see it.
        var other = await app.SendAsync(new StartReportCommand(p.Other.Id.Value, 1), p.OtherNgo);
        var otherEditor = (await app.SendAsync(new GetReportEditorQuery(other.Value), p.OtherNgo)).Value;
        var otherSaved = await app.SendAsync(Filled(other.Value, otherEditor, "Отчёт ещё на проверке."), p.OtherNgo);
        Assert.True((await app.SendAsync(new SubmitReportCommand(other.Value, otherSaved.Value), p.OtherNgo)).IsSuccess);

        // Anonymous, as the public page asks.
        var projects = await app.SendAsync(new GetCallImplementationQuery(p.CallId));
        var funded = projects.Single(x => x.AgreementNumber == p.Agreement.Number);
        Assert.Equal(AgreementStatus.Accepted, funded.Status);
        Assert.Equal(1, funded.TranchesPaid);
        Assert.Equal(advance.Amount, funded.PaidAmount);
        Assert.Equal(p.Agreement.TotalAmount, funded.TotalAmount);
        var report = Assert.Single(funded.Reports);
        Assert.Equal(1, report.Number);
        Assert.Equal("Проведено 12 семинаров для молодёжи.", report.Narrative);
        Assert.Equal(p.Agreement.Indicators.Count, report.Indicators.Count);
        Assert.All(report.Indicators, i => Assert.Equal(42m, i.Actual));
        Assert.Equal(p.Agreement.Indicators[0].Target, report.Indicators[0].Target);

        var submittedOnly = projects.Single(x => x.AgreementNumber == p.Other.Number);
        Assert.Empty(submittedOnly.Reports);
        Assert.Equal(0, submittedOnly.TranchesPaid);
        Assert.DoesNotContain(projects.SelectMany(x => x.Reports), r => r.Narrative == "Отчёт ещё на проверке.");
    }

    [Fact]
    public async Task EditAfterSubmit_DoubleSubmit_AndAStaleEdit_AreRefused()
    {
        var p = await AcceptedProjectsAsync();
        var (id, editor) = await StartAsync(p);
        var stale = editor.Revision;
        var revision = await SaveAsync(p, Filled(id, editor));

        var staleSave = await app.SendAsync(Filled(id, editor, "Старая правка коллеги", revision: stale), p.Ngo);
        Assert.Equal(ResultStatus.Conflict, staleSave.Status);
        Assert.Equal("Report.ChangedByColleague", staleSave.Errors[0].Code);

        var submits = await Task.WhenAll(
            app.SendAsync(new SubmitReportCommand(id, revision), p.Ngo),
            app.SendAsync(new SubmitReportCommand(id, revision), p.Ngo));
        Assert.Single(submits, s => s.IsSuccess);
        var thirdClick = await app.SendAsync(new SubmitReportCommand(id, revision + 1), p.Ngo);
        Assert.Equal("Report.Frozen", thirdClick.Errors[0].Code);

        var report = await ReportAsync(id);
        var afterSubmit = await app.SendAsync(Filled(id, editor, "Правка после отправки", revision: report.Revision), p.Ngo);
        Assert.Equal("Report.Frozen", afterSubmit.Errors[0].Code);
        var upload = await app.SendAsync(new UploadReportEvidenceCommand(id, 0, "list.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray()), p.Ngo);
        Assert.Equal("Report.Frozen", upload.Errors[0].Code);

        report = await ReportAsync(id);
        Assert.Single(report.Versions);
        Assert.Equal("Проект идёт по плану.", report.Versions[0].Content.Narrative);
    }

    [Fact]
    public async Task OverflowingNumbers_AndAVarianceWithoutExplanation_AreRefused()
    {
        var p = await AcceptedProjectsAsync();
        var (id, editor) = await StartAsync(p);

        var overflow = await app.SendAsync(Filled(id, editor, firstSpent: 10_000_000_000_000m), p.Ngo);
        var negative = await app.SendAsync(Filled(id, editor, firstSpent: -1m), p.Ngo);
        var tiyn = await app.SendAsync(Filled(id, editor, firstSpent: 1.001m), p.Ngo);
        Assert.Equal(ResultStatus.Invalid, overflow.Status);
        Assert.Contains(overflow.Errors, e => e.Field == "Budget[0].Spent");
        Assert.Contains(negative.Errors, e => e.Field == "Budget[0].Spent");
        Assert.Contains(tiyn.Errors, e => e.Field == "Budget[0].Spent");

        var planned = editor.Content.Budget[0].PlannedToDate;
        var revision = await SaveAsync(p, Filled(id, editor, firstSpent: planned + Math.Max(1000m, planned)));
        var unexplained = await app.SendAsync(new SubmitReportCommand(id, revision), p.Ngo);
        Assert.Contains(unexplained.Errors, e => e.Code == "Report.VarianceNeedsExplanation" && e.Field == "Budget[0].Explanation");
        Assert.Equal(ReportStatus.Draft, (await ReportAsync(id)).Status);
    }

    [Fact]
    public async Task AnotherOrganization_AnotherBodysOfficial_AndTheOwnObserver_CannotChangeAReport()
    {
        var p = await AcceptedProjectsAsync();
        var (id, editor) = await StartAsync(p);
        var stranger = Official(Guid.NewGuid(), Guid.NewGuid());
        var observer = PortalFactory.Principal(Guid.NewGuid(), "observer.rpt@gov.kz", p.BodyId, Roles.Observer);

        // Before anything is submitted, staff see nothing; another organization never does.
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new GetReportEditorQuery(id), p.OtherNgo)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(Filled(id, editor), p.OtherNgo)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new StartReportCommand(p.Agreement.Id.Value, 2), p.OtherNgo)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new StartReportCommand(p.Agreement.Id.Value, 2), p.Official)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new GetReportQuery(id), p.Official)).Status);

        var revision = await SaveAsync(p, Filled(id, editor));
        Assert.True((await app.SendAsync(new SubmitReportCommand(id, revision), p.Ngo)).IsSuccess);

        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new GetReportQuery(id), stranger)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new GetReportQuery(id), p.OtherNgo)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new AcceptReportCommand(id), stranger)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new ReturnReportCommand(id, "Замечание", null, null, null), stranger)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new AcceptReportCommand(id), observer)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new AcceptReportCommand(id), p.Ngo)).Status);
        Assert.Null(await app.SendAsync(new GetReportReceiptPdfQuery(id, 1, ProtocolLanguage.Ru), stranger));
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new GetAgreementReportsQuery(p.Agreement.Id.Value), stranger)).Status);

        var read = await app.SendAsync(new GetReportQuery(id), observer);
        Assert.True(read.IsSuccess);
        Assert.False(read.Value.CanReview);
        Assert.Equal(ReportStatus.Submitted, (await ReportAsync(id)).Status);
    }

    [Fact]
    public async Task NoReport_OnATerminatedAgreement()
    {
        var p = await AcceptedProjectsAsync();
        var (id, editor) = await StartAsync(p);
        Assert.True((await app.SendAsync(new TerminateAgreementCommand(p.Agreement.Id.Value, "Организация прекратила деятельность"), p.Official)).IsSuccess);

        var start = await app.SendAsync(new StartReportCommand(p.Agreement.Id.Value, 2), p.Ngo);
        var save = await app.SendAsync(Filled(id, editor), p.Ngo);
        var submit = await app.SendAsync(new SubmitReportCommand(id, editor.Revision), p.Ngo);

        Assert.Equal("Agreement.Terminated", start.Errors[0].Code);
        Assert.Equal("Agreement.Terminated", save.Errors[0].Code);
        Assert.Equal("Agreement.Terminated", submit.Errors[0].Code);
        Assert.False((await app.SendAsync(new GetReportEditorQuery(id), p.Ngo)).Value.CanEdit);
        Assert.Empty((await ReportAsync(id)).Versions);
    }

    [Fact]
    public async Task TheReceiptPdf_ReadsBack_WithItsNumberAndHash_AndIsRegisteredForVerification()
    {
        var p = await AcceptedProjectsAsync();
        var (id, editor) = await StartAsync(p);
        var revision = await SaveAsync(p, Filled(id, editor, "Проведено 12 тренингов для молодёжи Шымкента."));
        Assert.True((await app.SendAsync(new SubmitReportCommand(id, revision), p.Ngo)).IsSuccess);
        var version = (await ReportAsync(id)).Versions[0];

        var ru = await app.SendAsync(new GetReportReceiptPdfQuery(id, 1, ProtocolLanguage.Ru), p.Ngo);
        var kk = await app.SendAsync(new GetReportReceiptPdfQuery(id, 1, ProtocolLanguage.Kk), p.Official);
        var again = await app.SendAsync(new GetReportReceiptPdfQuery(id, 1, ProtocolLanguage.Ru), p.Ngo);
        Assert.NotNull(ru);
        Assert.NotNull(kk);
        Assert.Equal(ru.Content, again!.Content);

        using (var pdf = PdfDocument.Open(ru.Content))
        {
            var text = string.Join(" ", pdf.GetPages().SelectMany(pg => pg.GetWords()).Select(w => w.Text));
            Assert.Contains("Квитанция отчёта", text, StringComparison.Ordinal);
            Assert.Contains(version.ReceiptNumber, text, StringComparison.Ordinal);
            Assert.Contains(version.Sha256, text, StringComparison.Ordinal);
            Assert.Contains(p.Agreement.Number, text, StringComparison.Ordinal);
        }

        using (var pdf = PdfDocument.Open(kk!.Content))
        {
            var text = string.Join(" ", pdf.GetPages().SelectMany(pg => pg.GetWords()).Select(w => w.Text));
            Assert.Contains("Есептің түбіртегі", text, StringComparison.Ordinal);
        }

        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ru.Content));
        var issued = await Db(db => db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.FileSha256 == sha));
        Assert.Equal(IssuedDocumentKind.ReportReceipt, issued.Kind);
        Assert.Equal(version.Sha256, issued.DataSha256);
    }
}
