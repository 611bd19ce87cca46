using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Domain.Reports;

namespace SocialOrder.Domain.UnitTests;

/// <summary>The report's rules: the variance explanation, freezing on submit, versions, return and resubmit, accept → tranche payable.</summary>
public sealed class ReportTests
{
    private static readonly DateTimeOffset Now = new(2027, 5, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Start = new(2027, 6, 1);
    private static readonly Guid Chair = Guid.NewGuid();
    private static readonly Guid Official = Guid.NewGuid();
    private static readonly Guid Member = Guid.NewGuid();

    private static readonly AgreementParties Parties = new(new LocalizedText("Комитет", "Комитет"), "010140000143", new LocalizedText("ҚБ Жастар", "ОФ Жастар"), "180240012345", "Иванов И. И.");

    private static readonly BidContent Content = BidContent.Empty with
    {
        Title = "Молодёжный центр",
        Activities = [new Activity("Тренинги", 1, 6), new Activity("Форум", 7, 12)],
        Indicators = [new Indicator("Участники", "0", "200")],
        Budget = [new BudgetLine(1, BudgetCategory.Staff, "Тренеры", 600_000m), new BudgetLine(1, BudgetCategory.Materials, "Раздаточные материалы", 400_000m)],
    };

    private static Agreement Accepted()
    {
        var call = Call.CreateDraft("SSO-2027-0001", new StateBodyId(Guid.NewGuid()), CallTests.Complete(Now) with { Budget = 3_000_000m, MaxPerProject = 1_500_000m }, Now);
        var candidates = new List<AllocationCandidate> { new(BidId.New(), 1, 1_000_000m, true, new Dictionary<int, decimal>()) };
        var proposal = AwardAllocator.Propose(3_000_000m, [], candidates);
        var decision = AwardDecision.Prepare(call, [new(Chair, "Төраға", CommissionRole.Chair, false, true), new(Guid.NewGuid(), "Хатшы", CommissionRole.Secretary, false, true)], 2m / 3m, proposal, candidates, Chair, Now);
        decision.Lock(Chair, "PRT-2027-0001", Now);
        var agreement = Agreement.Draft(decision, candidates[0].BidId, OrganizationId.New(), Content, new StateBodyId(Guid.NewGuid()), Parties, "AGR-2027-0001", Start, 12, Now);
        agreement.Issue(decision, Official, Now);
        agreement.Accept(Member, true, Now.AddDays(1));
        return agreement;
    }

    private static string Broken(Action action) => Assert.Throws<BusinessRuleViolationException>(action).Rule.MessageKey;

    /// <summary>Everything done, the actual given, spending exactly as planned, a narrative.</summary>
    private static ReportEdit Complete(Report r, decimal? firstSpent = null, string firstExplanation = "") => new(
        [.. r.Content.Activities.Select(_ => new ActivityEdit(ActivityProgress.Done, string.Empty))],
        [.. r.Content.Indicators.Select(_ => new IndicatorEdit(120m, "По спискам участников"))],
        [.. r.Content.Budget.Select((b, i) => new BudgetEdit(i == 0 && firstSpent is { } s ? s : b.PlannedToDate, i == 0 ? firstExplanation : string.Empty))],
        "Проект идёт по плану.");

    private static readonly decimal[] NothingBefore = [0m, 0m];

    [Fact]
    public void Draft_CopiesTheBudgetLines_AndStartsTheReportWithPlannedToDate()
    {
        var agreement = Accepted();
        var report = Report.Start(agreement, 1, Member, Now);

        Assert.Equal(2, agreement.BudgetLines.Count);
        Assert.Equal(ReportStatus.Draft, report.Status);
        Assert.Equal(2, report.Content.Activities.Count);
        Assert.All(report.Content.Activities, a => Assert.Equal(ActivityProgress.NotSet, a.Progress));

        // The interim report is due halfway through the year: about half of each line is planned by then.
        Assert.InRange(report.Content.Budget[0].PlannedToDate, 250_000m, 350_000m);
        var closing = Report.Start(agreement, 2, Member, Now);
        Assert.Equal(600_000m, closing.Content.Budget[0].PlannedToDate);
    }

    [Fact]
    public void VarianceAboveTheShare_NeedsAnExplanation_AndWithinItDoesNot()
    {
        var report = Report.Start(Accepted(), 1, Member, Now);
        var planned = report.Content.Budget[0].PlannedToDate;

        report.SaveDraft(AgreementStatus.Accepted, Complete(report, planned * 1.2m), NothingBefore, report.Revision, Member, Now);
        Assert.Contains(report.SubmissionProblems(0.10m), p => p.Code == "Report.VarianceNeedsExplanation" && p.Field == "Budget[0].Explanation");
        Assert.DoesNotContain(report.SubmissionProblems(0.25m), p => p.Code == "Report.VarianceNeedsExplanation");

        report.SaveDraft(AgreementStatus.Accepted, Complete(report, Math.Round(planned * 1.05m, 2)), NothingBefore, report.Revision, Member, Now);
        Assert.Empty(report.SubmissionProblems(0.10m));

        report.SaveDraft(AgreementStatus.Accepted, Complete(report, planned * 1.2m, "Подорожали услуги тренеров"), NothingBefore, report.Revision, Member, Now);
        Assert.Empty(report.SubmissionProblems(0.10m));
    }

    [Fact]
    public void AnActivityNotDone_NeedsAnExplanation()
    {
        var report = Report.Start(Accepted(), 1, Member, Now);
        var edit = Complete(report);
        edit = edit with { Activities = [new ActivityEdit(ActivityProgress.Delayed, " "), new ActivityEdit(ActivityProgress.NotSet, string.Empty)] };

        report.SaveDraft(AgreementStatus.Accepted, edit, NothingBefore, report.Revision, Member, Now);

        var problems = report.SubmissionProblems(0.10m);
        Assert.Contains(problems, p => p.Code == "Report.ExplanationRequired" && p.Field == "Activities[0].Explanation");
        Assert.Contains(problems, p => p.Code == "Report.ActivityStatusMissing" && p.Field == "Activities[1].Progress");
        Assert.Equal("Report.ExplanationRequired", Broken(() => report.Submit(AgreementStatus.Accepted, NothingBefore, 0.10m, report.Revision, "RPT-1", Member, Now)));
    }

    [Fact]
    public void Submit_FreezesTheReport_AndAStaleRevisionIsRefused()
    {
        var report = Report.Start(Accepted(), 1, Member, Now);
        var stale = report.Revision;
        report.SaveDraft(AgreementStatus.Accepted, Complete(report), NothingBefore, report.Revision, Member, Now);

        Assert.Equal("Report.ChangedByColleague", Broken(() => report.SaveDraft(AgreementStatus.Accepted, Complete(report), NothingBefore, stale, Member, Now)));
        var version = report.Submit(AgreementStatus.Accepted, NothingBefore, 0.10m, report.Revision, "RPT-2027-0001", Member, Now);

        Assert.Equal(1, version.Number);
        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Matches("^[0-9a-f]{64}$", version.Sha256);
        Assert.Equal("Report.Frozen", Broken(() => report.SaveDraft(AgreementStatus.Accepted, Complete(report), NothingBefore, report.Revision, Member, Now)));
        Assert.Equal("Report.Frozen", Broken(() => report.Submit(AgreementStatus.Accepted, NothingBefore, 0.10m, report.Revision, "RPT-2027-0002", Member, Now)));
        Assert.Equal("Report.Frozen", Broken(() => report.AttachEvidence(AgreementStatus.Accepted, 0, new ReportEvidence(Guid.NewGuid(), "a.pdf", 1, new string('a', 64), Now, Member))));
    }

    [Fact]
    public void Return_KeepsTheVersion_AndTheCorrectedReportIsTheNextVersion()
    {
        var report = Report.Start(Accepted(), 1, Member, Now);
        report.SaveDraft(AgreementStatus.Accepted, Complete(report), NothingBefore, report.Revision, Member, Now);
        var first = report.Submit(AgreementStatus.Accepted, NothingBefore, 0.10m, report.Revision, "RPT-1", Member, Now);

        Assert.Equal("Report.ReturnNeedsRemarks", Broken(() => report.Return(AgreementStatus.Accepted, new ReportRemarks(" ", null, null, null), Official, Now)));
        report.Return(AgreementStatus.Accepted, new ReportRemarks(null, "Приложите списки участников", null, null), Official, Now);
        Assert.Equal(ReportStatus.Returned, report.Status);
        Assert.Equal("Report.NotSubmitted", Broken(() => report.Return(AgreementStatus.Accepted, new ReportRemarks("x", null, null, null), Official, Now)));

        var corrected = Complete(report) with { Narrative = "Списки участников приложены." };
        report.SaveDraft(AgreementStatus.Accepted, corrected, NothingBefore, report.Revision, Member, Now);
        var second = report.Submit(AgreementStatus.Accepted, NothingBefore, 0.10m, report.Revision, "RPT-2", Member, Now);

        Assert.Equal(2, report.Versions.Count);
        Assert.Equal(first.Sha256, report.Versions[0].Sha256);
        Assert.Equal("Проект идёт по плану.", report.Versions[0].Content.Narrative);
        Assert.False(report.Versions[0].Review!.Accepted);
        Assert.Equal("Приложите списки участников", report.Versions[0].Review!.Remarks!.Indicators);
        Assert.Equal(2, second.Number);
        Assert.NotEqual(first.Sha256, second.Sha256);
    }

    [Fact]
    public void Accept_MakesTheTrancheAfterTheReportPayable_AndHappensOnce()
    {
        var agreement = Accepted();
        var report = Report.Start(agreement, 1, Member, Now);
        report.SaveDraft(AgreementStatus.Accepted, Complete(report), NothingBefore, report.Revision, Member, Now);
        report.Submit(AgreementStatus.Accepted, NothingBefore, 0.10m, report.Revision, "RPT-1", Member, Now);
        var interim = agreement.Tranches.Single(t => t.AfterReport == 1);
        Assert.False(agreement.IsPayable(interim));

        report.Accept(agreement, Official, Now.AddDays(3));

        Assert.Equal(ReportStatus.Accepted, report.Status);
        Assert.True(agreement.IsPayable(agreement.Tranches.Single(t => t.AfterReport == 1)));
        Assert.True(report.Versions[^1].Review!.Accepted);
        Assert.Equal("Report.AlreadyAccepted", Broken(() => report.Accept(agreement, Official, Now)));
        Assert.Equal("Report.AlreadyAccepted", Broken(() => report.SaveDraft(AgreementStatus.Accepted, Complete(report), NothingBefore, report.Revision, Member, Now)));
    }

    [Fact]
    public void NoReport_OnATerminatedOrNotYetAcceptedAgreement()
    {
        var agreement = Accepted();
        var report = Report.Start(agreement, 1, Member, Now);
        agreement.Terminate("Организация прекратила деятельность", Official, Now);

        Assert.Equal("Agreement.Terminated", Broken(() => Report.Start(agreement, 2, Member, Now)));
        Assert.Equal("Agreement.Terminated", Broken(() => report.SaveDraft(AgreementStatus.Terminated, Complete(report), NothingBefore, report.Revision, Member, Now)));
        Assert.Equal("Agreement.NotInImplementation", Broken(() => report.SaveDraft(AgreementStatus.Issued, Complete(report), NothingBefore, report.Revision, Member, Now)));
        Assert.Equal("Agreement.UnknownReport", Broken(() => Report.Start(Accepted(), 99, Member, Now)));
    }

    [Fact]
    public void CumulativeSpending_CountsEarlierAcceptedReports()
    {
        var report = Report.Start(Accepted(), 2, Member, Now);
        var planned = report.Content.Budget[0].PlannedToDate;

        // 600 000 planned by the year's end; 300 000 spent before; 300 000 now: on plan.
        report.SaveDraft(AgreementStatus.Accepted, Complete(report, 300_000m), [300_000m, 0m], report.Revision, Member, Now);

        Assert.Equal(600_000m, planned);
        Assert.Equal(600_000m, report.Content.Budget[0].Cumulative);
        Assert.Equal(0m, report.Content.Budget[0].Variance);
    }
}
