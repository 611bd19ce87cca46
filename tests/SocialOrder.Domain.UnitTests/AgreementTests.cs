using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Domain.UnitTests;

public sealed class AgreementTests
{
    private static readonly DateTimeOffset Now = new(2027, 5, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Start = new(2027, 6, 1);
    private static readonly Guid Chair = Guid.NewGuid();
    private static readonly Guid Secretary = Guid.NewGuid();
    private static readonly Guid Official = Guid.NewGuid();
    private static readonly Guid NgoAdmin = Guid.NewGuid();

    private static readonly AgreementParties Parties = new(new LocalizedText("Комитет", "Комитет"), "010140000143", new LocalizedText("ҚБ Жастар", "ОФ Жастар"), "180240012345", "Иванов И. И.");

    private static readonly BidContent Content = BidContent.Empty with
    {
        Title = "Молодёжный центр",
        Activities = [new Activity("Тренинги", 1, 6), new Activity("Форум", 7, 12)],
        Indicators = [new Indicator("Участники", "0", "200")],
    };

    private static (AwardDecision Decision, IReadOnlyList<AllocationCandidate> Candidates) Decision(bool lockIt = true, decimal? commissionAmount = null)
    {
        var call = Call.CreateDraft("SSO-2027-0001", new StateBodyId(Guid.NewGuid()), CallTests.Complete(Now) with { Budget = 3_000_000m, MaxPerProject = 1_500_000m }, Now);
        var candidates = new List<AllocationCandidate>
        {
            new(BidId.New(), 1, 1_500_000m, true, new Dictionary<int, decimal> { [2027] = 900_000m, [2028] = 600_000m }),
            new(BidId.New(), 2, 1_000_000m, true, new Dictionary<int, decimal>()),
            new(BidId.New(), 3, 1_000_000m, false, new Dictionary<int, decimal>()),
        };
        var proposal = AwardAllocator.Propose(3_000_000m, [], candidates);
        var decision = AwardDecision.Prepare(call, [new(Chair, "Төраға", CommissionRole.Chair, false, true), new(Secretary, "Хатшы", CommissionRole.Secretary, false, true)], 2m / 3m, proposal, candidates, Chair, Now);
        if (commissionAmount is { } amount)
        {
            decision.ChangeLine(Secretary, candidates[0].BidId, amount, AwardOutcome.Awarded, "Комиссия сократила смету обучения");
        }

        if (lockIt)
        {
            decision.Lock(Chair, "PRT-2027-0001", Now);
        }

        return (decision, candidates);
    }

    private static Agreement Draft(int candidate = 1, int months = 12, decimal? commissionAmount = null)
    {
        var (decision, candidates) = Decision(commissionAmount: commissionAmount);
        return Agreement.Draft(decision, candidates[candidate].BidId, OrganizationId.New(), Content, new StateBodyId(Guid.NewGuid()), Parties, "AGR-2027-0001", Start, months, Now);
    }

    private static Agreement Accepted(int candidate = 1, int months = 12)
    {
        var (decision, candidates) = Decision();
        var agreement = Agreement.Draft(decision, candidates[candidate].BidId, OrganizationId.New(), Content, new StateBodyId(Guid.NewGuid()), Parties, "AGR-2027-0001", Start, months, Now);
        agreement.Issue(decision, Official, Now);
        agreement.Accept(NgoAdmin, true, Now.AddDays(1));
        return agreement;
    }

    private static string Broken(Action action) => Assert.Throws<BusinessRuleViolationException>(action).Rule.MessageKey;

    private static List<TranchePlan> Plans(Agreement a) => [.. a.Tranches.Select(t => new TranchePlan(t.Kind, t.Year, t.PlannedOn, t.Amount, t.AfterReport))];

    private static List<ReportPlan> ReportPlans(Agreement a) => [.. a.Reports.Select(r => new ReportPlan(r.Kind, r.Year, r.DueOn))];

    [Fact]
    public void Draft_CopiesTheBid_AndSchedulesOneYearIntoAdvanceInterimFinal()
    {
        var a = Draft();

        Assert.Equal(AgreementStatus.Draft, a.Status);
        Assert.Equal("Молодёжный центр", a.ProjectTitle);
        Assert.Equal(new DateOnly(2028, 5, 31), a.Term.End);
        Assert.Equal([new YearAmount(1, 1_000_000m)], a.YearAmounts);
        Assert.Equal([TrancheKind.Advance, TrancheKind.Interim, TrancheKind.Final], a.Tranches.Select(t => t.Kind));
        Assert.Equal(1_000_000m, a.Tranches.Sum(t => t.Amount));
        Assert.Null(a.Tranches[0].AfterReport);
        Assert.Equal([ReportKind.Interim, ReportKind.Final], a.Reports.Select(r => r.Kind));
        Assert.Equal(a.Reports[0].Number, a.Tranches[1].AfterReport);
        Assert.Equal(a.Reports[1].Number, a.Tranches[2].AfterReport);
        Assert.Equal(2, a.Activities.Count);
        Assert.Equal("200", a.Indicators.Single().Target);
        Assert.All(a.Tranches, t => Assert.True(a.Term.Contains(t.PlannedOn)));
    }

    [Fact]
    public void Draft_MultiYear_SplitsTheCommissionsAmountAsTheDecisionDid_WithAnnualReport()
    {
        var a = Draft(candidate: 0, months: 24, commissionAmount: 1_200_000m);

        Assert.Equal(1_200_000m, a.TotalAmount);
        Assert.Equal([new YearAmount(1, 720_000m), new YearAmount(2, 480_000m)], a.YearAmounts);
        Assert.Equal(720_000m, a.Tranches.Where(t => t.Year == 1).Sum(t => t.Amount));
        Assert.Equal(480_000m, a.Tranches.Where(t => t.Year == 2).Sum(t => t.Amount));
        Assert.Equal([ReportKind.Interim, ReportKind.Annual, ReportKind.Interim, ReportKind.Final], a.Reports.Select(r => r.Kind));
        Assert.Equal(2, a.Tranches.Single(t => t.Year == 2 && t.Kind == TrancheKind.Advance).AfterReport);
        Assert.Empty(a.ScheduleProblems(Plans(a), ReportPlans(a)));
    }

    [Fact]
    public void Draft_BeforeTheDecisionIsLocked_BreaksAgreementNeedsALockedDecisionRule()
    {
        var (decision, candidates) = Decision(lockIt: false);

        Assert.Equal("Agreement.DecisionNotLocked", Broken(() => Agreement.Draft(decision, candidates[1].BidId, OrganizationId.New(), Content, new StateBodyId(Guid.NewGuid()), Parties, "N", Start, 12, Now)));
    }

    [Fact]
    public void Draft_ForAnUnfundedBid_BreaksAgreementOnlyForAFundedBidRule()
    {
        var (decision, candidates) = Decision();

        Assert.Equal("Agreement.BidNotFunded", Broken(() => Agreement.Draft(decision, candidates[2].BidId, OrganizationId.New(), Content, new StateBodyId(Guid.NewGuid()), Parties, "N", Start, 12, Now)));
        Assert.Equal("Agreement.BidNotFunded", Broken(() => Agreement.Draft(decision, BidId.New(), OrganizationId.New(), Content, new StateBodyId(Guid.NewGuid()), Parties, "N", Start, 12, Now)));
    }

    [Fact]
    public void Issue_WithADecisionNotLockedOrNotFundingTheBid_IsRefused()
    {
        var a = Draft();
        var (unlocked, _) = Decision(lockIt: false);
        var (otherLocked, _) = Decision();

        Assert.Equal("Agreement.DecisionNotLocked", Broken(() => a.Issue(unlocked, Official, Now)));
        Assert.Equal("Agreement.BidNotFunded", Broken(() => a.Issue(otherLocked, Official, Now)));
        Assert.Equal(AgreementStatus.Draft, a.Status);
    }

    [Fact]
    public void EditSchedules_TranchesAboveOrBelowTheYear_AreReportedOnTheTranchesField()
    {
        var a = Draft();
        var above = Plans(a);
        above[0] = above[0] with { Amount = above[0].Amount + 1m };
        var below = Plans(a);
        below[2] = below[2] with { Amount = below[2].Amount - 1m };

        Assert.Contains(a.ScheduleProblems(above, ReportPlans(a)), p => p.Code == "Agreement.TranchesAboveYear" && p.Field == "Tranches");
        Assert.Contains(a.ScheduleProblems(below, ReportPlans(a)), p => p.Code == "Agreement.TranchesBelowYear");
        Assert.Equal("Agreement.TranchesAboveYear", Broken(() => a.EditSchedules(above, ReportPlans(a))));
    }

    [Fact]
    public void EditSchedules_DatesOutsideTheTerm_AreReportedPerRowField()
    {
        var a = Draft();
        var tranches = Plans(a);
        tranches[1] = tranches[1] with { PlannedOn = a.Term.End.AddDays(1) };
        var reports = ReportPlans(a);
        reports[0] = reports[0] with { DueOn = a.Term.Start.AddDays(-1) };

        var problems = a.ScheduleProblems(tranches, reports);

        Assert.Contains(problems, p => p.Code == "Agreement.DateOutsideTerm" && p.Field == "Tranches[1].PlannedOn");
        Assert.Contains(problems, p => p.Code == "Agreement.DateOutsideTerm" && p.Field == "Reports[0].DueOn");
    }

    [Fact]
    public void EditSchedules_UnknownReportOrInterimWithoutReportOrTwoFinals_AreProblems()
    {
        var a = Draft();
        var tranches = Plans(a);
        tranches[1] = tranches[1] with { AfterReport = 9 };
        tranches[2] = tranches[2] with { AfterReport = null };
        var reports = ReportPlans(a);
        reports[0] = reports[0] with { Kind = ReportKind.Final };

        var problems = a.ScheduleProblems(tranches, reports);

        Assert.Contains(problems, p => p.Code == "Agreement.UnknownReport" && p.Field == "Tranches[1].AfterReport");
        Assert.Contains(problems, p => p.Code == "Agreement.TrancheNeedsReport" && p.Field == "Tranches[2].AfterReport");
        Assert.Contains(problems, p => p.Code == "Agreement.OneFinalReport");
    }

    [Fact]
    public void EditSchedules_Valid_RenumbersRows_AndAfterIssueIsRefused()
    {
        var a = Draft();
        var tranches = Plans(a);
        var split = tranches[1].Amount / 2;
        tranches[1] = tranches[1] with { Amount = split };
        tranches.Insert(2, tranches[1] with { PlannedOn = tranches[1].PlannedOn.AddMonths(1) });

        a.EditSchedules(tranches, ReportPlans(a));

        Assert.Equal([1, 2, 3, 4], a.Tranches.Select(t => t.Number));
        Assert.Equal(split, a.Tranches[2].Amount);
        var (decision, candidates) = Decision();
        var issued = Agreement.Draft(decision, candidates[1].BidId, OrganizationId.New(), Content, new StateBodyId(Guid.NewGuid()), Parties, "N", Start, 12, Now);
        issued.Issue(decision, Official, Now);
        Assert.Equal("Agreement.SchedulesOnlyInDraft", Broken(() => issued.EditSchedules(Plans(issued), ReportPlans(issued))));
        Assert.Equal("Agreement.OnlyDraftIssued", Broken(() => issued.Issue(decision, Official, Now)));
    }

    [Fact]
    public void Accept_ByANonAdministratorOrBeforeIssue_IsRefused_ThenTheAdvanceIsPayable()
    {
        var (decision, candidates) = Decision();
        var a = Agreement.Draft(decision, candidates[1].BidId, OrganizationId.New(), Content, new StateBodyId(Guid.NewGuid()), Parties, "N", Start, 12, Now);

        Assert.Equal("Agreement.OnlyIssuedAccepted", Broken(() => a.Accept(NgoAdmin, true, Now)));
        a.Issue(decision, Official, Now);
        Assert.Equal("Agreement.OnlyAdministratorAccepts", Broken(() => a.Accept(Guid.NewGuid(), false, Now)));
        Assert.False(a.IsPayable(a.Tranches[0]));

        a.Accept(NgoAdmin, true, Now.AddDays(1));

        Assert.Equal(AgreementStatus.Accepted, a.Status);
        Assert.Equal(NgoAdmin, a.AcceptedBy);
        Assert.True(a.IsPayable(a.Tranches[0]));
        Assert.False(a.IsPayable(a.Tranches[1]));
        Assert.Equal(a.Tranches[0].PlannedOn, a.PayableSince);
        Assert.Equal("Agreement.OnlyIssuedAccepted", Broken(() => a.Accept(NgoAdmin, true, Now)));
    }

    [Fact]
    public void RecordPayment_BeforeItsReportIsAccepted_BreaksTheConditionRule_AndAfterwardsPays()
    {
        var a = Accepted();
        var interim = a.Tranches[1];

        Assert.Equal("Agreement.TrancheNotPayable", Broken(() => a.RecordPayment(interim.Number, Start.AddMonths(6), interim.Amount, "PO-2", Official, Now)));

        a.MarkReportAccepted(interim.AfterReport!.Value, Now.AddMonths(6), Official);
        a.RecordPayment(interim.Number, Start.AddMonths(6), interim.Amount, "PO-2", Official, Now.AddMonths(6));

        Assert.True(a.Tranches[1].IsPaid);
        Assert.Equal("PO-2", a.Tranches[1].Payment!.PaymentOrderNumber);
        Assert.Equal(interim.Amount, a.PaidAmount);
    }

    [Fact]
    public void RecordPayment_BeforeAcceptance_IsNotPayable()
    {
        var (decision, candidates) = Decision();
        var a = Agreement.Draft(decision, candidates[1].BidId, OrganizationId.New(), Content, new StateBodyId(Guid.NewGuid()), Parties, "N", Start, 12, Now);
        a.Issue(decision, Official, Now);

        Assert.Equal("Agreement.TrancheNotPayable", Broken(() => a.RecordPayment(1, Start, a.Tranches[0].Amount, "PO-1", Official, Now)));
    }

    [Fact]
    public void RecordPayment_Twice_BreaksTrancheIsPaidOnceRule()
    {
        var a = Accepted();
        a.RecordPayment(1, Start, a.Tranches[0].Amount, "PO-1", Official, Now);

        Assert.Equal("Agreement.TrancheAlreadyPaid", Broken(() => a.RecordPayment(1, Start, a.Tranches[0].Amount, "PO-1", Official, Now)));
        Assert.Equal(a.Tranches[0].Amount, a.PaidAmount);
    }

    [Fact]
    public void RecordPayment_AboveTheYear_AboveTheTranche_NotPositive_OrWithoutOrder_IsRefused()
    {
        var a = Accepted();
        var advance = a.Tranches[0];

        Assert.Equal("Agreement.PaymentAboveYear", Broken(() => a.RecordPayment(1, Start, 1_000_000.01m, "PO-1", Official, Now)));
        Assert.Equal("Agreement.PaymentAboveTranche", Broken(() => a.RecordPayment(1, Start, advance.Amount + 1m, "PO-1", Official, Now)));
        Assert.Equal("Agreement.PaymentAmountPositive", Broken(() => a.RecordPayment(1, Start, 0m, "PO-1", Official, Now)));
        Assert.Equal("Agreement.PaymentOrderRequired", Broken(() => a.RecordPayment(1, Start, advance.Amount, " ", Official, Now)));
        Assert.Equal("Agreement.PaymentDateOutsideTerm", Broken(() => a.RecordPayment(1, a.Term.End.AddDays(1), advance.Amount, "PO-1", Official, Now)));
        Assert.Equal(0m, a.PaidAmount);
    }

    [Fact]
    public void PaidNeverExceedsTheAgreementRule_And_TheYearRule_CountWhatIsPaid()
    {
        Assert.True(new PaidNeverExceedsTheAgreementRule(900m, 101m, 1000m).IsBroken());
        Assert.False(new PaidNeverExceedsTheAgreementRule(900m, 100m, 1000m).IsBroken());
        Assert.True(new PaidNeverExceedsTheYearRule(500m, 1m, 500m).IsBroken());
        Assert.False(new PaidNeverExceedsTheYearRule(499m, 1m, 500m).IsBroken());
    }

    [Fact]
    public void MarkReportAccepted_UnknownTwiceOrBeforeAcceptance_IsRefused()
    {
        var a = Accepted();

        Assert.Equal("Agreement.UnknownReport", Broken(() => a.MarkReportAccepted(7, Now, Official)));
        a.MarkReportAccepted(1, Now, Official);
        Assert.True(a.Reports[0].IsAccepted);
        Assert.Equal("Agreement.ReportAlreadyAccepted", Broken(() => a.MarkReportAccepted(1, Now, Official)));
        Assert.Equal("Agreement.NotInImplementation", Broken(() => Draft().MarkReportAccepted(1, Now, Official)));
    }

    [Fact]
    public void EverythingPaid_AndTheFinalReportAccepted_CompletesTheAgreement()
    {
        var a = Accepted();
        a.RecordPayment(1, Start, a.Tranches[0].Amount, "PO-1", Official, Now);
        a.MarkReportAccepted(1, Now, Official);
        a.RecordPayment(2, Start.AddMonths(6), a.Tranches[1].Amount, "PO-2", Official, Now);
        a.MarkReportAccepted(2, Now, Official);
        Assert.Equal(AgreementStatus.Accepted, a.Status);

        a.RecordPayment(3, a.Term.End, a.Tranches[2].Amount, "PO-3", Official, Now);

        Assert.Equal(AgreementStatus.Completed, a.Status);
        Assert.Equal(a.TotalAmount, a.PaidAmount);
        Assert.Null(a.PayableSince);
        Assert.Equal("Agreement.Completed", Broken(() => a.Terminate("Нарушение условий договора", Official, Now)));
    }

    [Fact]
    public void Terminate_CancelsUnpaidTranches_AndThenNothingIsPaidOrAccepted()
    {
        var a = Accepted();
        a.RecordPayment(1, Start, a.Tranches[0].Amount, "PO-1", Official, Now);

        Assert.Equal("Agreement.TerminationNeedsReason", Broken(() => a.Terminate("нет", Official, Now)));
        a.Terminate("Организация прекратила деятельность", Official, Now);

        Assert.Equal(AgreementStatus.Terminated, a.Status);
        Assert.Equal(TrancheStatus.Paid, a.Tranches[0].Status);
        Assert.All(a.Tranches.Skip(1), t => Assert.Equal(TrancheStatus.Cancelled, t.Status));
        Assert.Equal("Agreement.Terminated", Broken(() => a.RecordPayment(2, Start, 1m, "PO-2", Official, Now)));
        Assert.Equal("Agreement.Terminated", Broken(() => a.MarkReportAccepted(1, Now, Official)));
        Assert.Equal("Agreement.Terminated", Broken(() => a.Terminate("Повторное расторжение договора", Official, Now)));
        Assert.Null(a.PayableSince);
    }

    [Fact]
    public void AgreementTerm_YearOf_CountsProjectYearsFromTheStart()
    {
        var term = AgreementTerm.Starting(Start, 24);

        Assert.Equal(new DateOnly(2029, 5, 31), term.End);
        Assert.Equal(1, term.YearOf(new DateOnly(2028, 5, 31)));
        Assert.Equal(2, term.YearOf(new DateOnly(2028, 6, 1)));
    }
}
