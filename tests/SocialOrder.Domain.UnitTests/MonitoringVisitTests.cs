using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Agreements.Monitoring;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Domain.UnitTests;

/// <summary>The rules of monitoring visits and corrective actions (issue 10, ADR 25).</summary>
public sealed class MonitoringVisitTests
{
    private static readonly DateTimeOffset Now = new(2027, 5, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 7, 10);
    private static readonly Guid Chair = Guid.NewGuid();
    private static readonly Guid Official = Guid.NewGuid();
    private static readonly Guid Observer = Guid.NewGuid();
    private static readonly Guid Member = Guid.NewGuid();

    private static Agreement Agreement(bool accept = true)
    {
        var call = Call.CreateDraft("SSO-2027-0001", new StateBodyId(Guid.NewGuid()), CallTests.Complete(Now) with { Budget = 3_000_000m, MaxPerProject = 1_500_000m }, Now);
        var candidates = new List<AllocationCandidate> { new(BidId.New(), 1, 1_000_000m, true, new Dictionary<int, decimal>()) };
        var proposal = AwardAllocator.Propose(3_000_000m, [], candidates);
        var decision = AwardDecision.Prepare(call, [new(Chair, "Төраға", CommissionRole.Chair, false, true), new(Guid.NewGuid(), "Хатшы", CommissionRole.Secretary, false, true)], 2m / 3m, proposal, candidates, Chair, Now);
        decision.Lock(Chair, "PRT-2027-0001", Now);
        var parties = new AgreementParties(new LocalizedText("Комитет", "Комитет"), "010140000143", new LocalizedText("ҚБ", "ОФ"), "180240012345", "Иванов И. И.");
        var content = BidContent.Empty with { Title = "Центр", Activities = [new Activity("Тренинги", 1, 6)], Indicators = [new Indicator("Участники", "0", "200")] };
        var agreement = Agreements.Agreement.Draft(decision, candidates[0].BidId, OrganizationId.New(), content, new StateBodyId(Guid.NewGuid()), parties, "AGR-2027-0001", new DateOnly(2027, 6, 1), 12, Now);
        agreement.Issue(decision, Official, Now);
        if (accept)
        {
            agreement.Accept(Guid.NewGuid(), true, Now.AddDays(1));
        }

        return agreement;
    }

    private static MonitoringVisit Visit(Agreement a, params FindingInput[] findings) =>
        MonitoringVisit.Record(a, Today.AddDays(-1), Today, "Алматы, ул. Абая 1", "Сейтқали А.", "Тренинги по плану", Observer, findings, Official, Now);

    private static string Broken(Action action) => Assert.Throws<BusinessRuleViolationException>(action).Rule.MessageKey;

    [Fact]
    public void Record_NumbersTheFindings_AndCountsTheOpenActions()
    {
        var visit = Visit(Agreement(), new FindingInput("Нет журнала", "Завести журнал", Today.AddDays(10)), new FindingInput("Всё по плану", null, null), new FindingInput("Нет фото", "Сделать фото", Today.AddDays(5)));

        Assert.Equal([1, 2, 3], visit.Findings.Select(f => f.Number));
        Assert.Null(visit.Findings[1].Action);
        Assert.Equal(2, visit.OpenActions);
        Assert.Equal(Today.AddDays(5), visit.NextActionDueOn);
    }

    [Fact]
    public void Record_IsRefusedOnATerminatedAgreement_AndAllowedOnAnIssuedOne()
    {
        var terminated = Agreement();
        terminated.Terminate("Нарушение условий договора", Official, Now);

        Assert.Equal("Agreement.Terminated", Broken(() => Visit(terminated)));
        Assert.Equal(0, Visit(Agreement(accept: false)).OpenActions);
    }

    [Fact]
    public void Record_RefusesAFutureDate_ADueDateNotAfterTheVisit_AndAnActionWithoutText()
    {
        var a = Agreement();

        Assert.Equal("Monitoring.VisitInFuture", Broken(() => MonitoringVisit.Record(a, Today.AddDays(1), Today, "Место", "", "Проверено", null, [], Official, Now)));
        Assert.Equal("Monitoring.DueAfterVisit", Broken(() => Visit(a, new FindingInput("Вывод", "Мера", Today.AddDays(-1)))));
        Assert.Equal("Monitoring.DueAfterVisit", Broken(() => Visit(a, new FindingInput("Вывод", "Мера", null))));
        Assert.Equal("Monitoring.ActionRequired", Broken(() => Visit(a, new FindingInput("Вывод", " ", Today.AddDays(3)))));
        Assert.Equal("Monitoring.PlaceRequired", Broken(() => MonitoringVisit.Record(a, Today, Today, " ", "", "Проверено", null, [], Official, Now)));
    }

    [Fact]
    public void Answer_ThenKeepOpen_ThenAnswerAgain_ThenClose_AndAClosedActionIsNeverAnsweredAgain()
    {
        var a = Agreement();
        var visit = Visit(a, new FindingInput("Нет журнала", "Завести журнал", Today.AddDays(10)));

        visit.Answer(1, "Журнал заведён", Member, a.Status, Now);
        Assert.Equal(CorrectiveActionStatus.Answered, visit.Findings[0].Action!.Status);
        Assert.Equal("Monitoring.ActionAlreadyAnswered", Broken(() => visit.Answer(1, "Ещё раз", Member, a.Status, Now)));
        Assert.Equal("Monitoring.NoteRequired", Broken(() => visit.Review(1, false, " ", Official, a.Status, Now)));

        visit.Review(1, false, "Нет подписи руководителя", Official, a.Status, Now);
        Assert.Equal(CorrectiveActionStatus.Open, visit.Findings[0].Action!.Status);
        Assert.Equal(1, visit.OpenActions);

        visit.Answer(1, "Подписан", Member, a.Status, Now);
        visit.Review(1, true, null, Official, a.Status, Now);

        Assert.Equal(CorrectiveActionStatus.Closed, visit.Findings[0].Action!.Status);
        Assert.Equal(0, visit.OpenActions);
        Assert.Null(visit.NextActionDueOn);
        Assert.Equal(4, visit.Findings[0].Action!.History.Count);
        Assert.Equal("Monitoring.ActionClosed", Broken(() => visit.Answer(1, "После закрытия", Member, a.Status, Now)));
        Assert.Equal("Monitoring.ActionClosed", Broken(() => visit.Review(1, true, null, Official, a.Status, Now)));
    }

    [Fact]
    public void Review_OfAnUnansweredAction_AndAnythingOnATerminatedAgreement_AreRefused()
    {
        var a = Agreement();
        var visit = Visit(a, new FindingInput("Нет журнала", "Завести журнал", Today.AddDays(10)));

        Assert.Equal("Monitoring.ActionNotAnswered", Broken(() => visit.Review(1, true, null, Official, a.Status, Now)));
        Assert.Equal("Agreement.Terminated", Broken(() => visit.Answer(1, "Ответ", Member, AgreementStatus.Terminated, Now)));
        Assert.Equal("Agreement.Terminated", Broken(() => visit.AddRemark(Observer, "Замечание", AgreementStatus.Terminated, Now)));
        Assert.Equal("Error.NotFound", Broken(() => visit.Answer(2, "Нет такой", Member, a.Status, Now)));
    }

    [Fact]
    public void OnlyTheInvitedObserver_AddsRemarks()
    {
        var a = Agreement();
        var visit = Visit(a);

        Assert.Equal("Monitoring.OnlyInvitedObserver", Broken(() => visit.AddRemark(Guid.NewGuid(), "Чужое замечание", a.Status, Now)));
        visit.AddRemark(Observer, "Участники довольны", a.Status, Now);

        Assert.Single(visit.Remarks);
    }
}
