using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Domain.UnitTests;

public sealed class CallTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 6, 0, 0, TimeSpan.Zero);

    public static CallContent Complete(DateTimeOffset now) => new(
        new LocalizedText("Жастар бастамалары", "Молодёжные инициативы"),
        new LocalizedText("Қысқаша", "Кратко"),
        new LocalizedText("Сипаттама", "Описание"),
        new LocalizedText("Талаптар", "Требования"),
        new PriorityAreaId(1),
        new RegionId(19),
        Instrument.StateGrant,
        10_000_000m,
        2_000_000m,
        12,
        CallTerm.Short,
        [],
        now.AddDays(1),
        now.AddDays(30),
        DefaultMethodology.Documents,
        DefaultMethodology.Criteria,
        3,
        30m,
        50m);

    private static Call Published(DateTimeOffset now)
    {
        var call = Call.CreateDraft("SG-2027-0001", StateBodyId.New(), Complete(now), now);
        call.Publish(now);
        return call;
    }

    [Fact]
    public void PublishProblems_ForACompleteDraft_IsEmpty()
    {
        var call = Call.CreateDraft("SG-2027-0001", StateBodyId.New(), Complete(Now), Now);

        Assert.Empty(call.PublishProblems(Now));
    }

    [Fact]
    public void PublishProblems_ListsEverythingMissingOrInconsistent()
    {
        var content = Complete(Now) with
        {
            Title = new LocalizedText("", "Название"),
            Budget = 1_000m,
            MaxPerProject = 5_000m,
            OpensAt = Now.AddDays(-10),
            ClosesAt = Now.AddDays(-1),
            Criteria = [new Criterion("A", new("А", "А"), new("", ""), 10, 0m, 12)],
        };
        var call = Call.CreateDraft("SG-2027-0002", StateBodyId.New(), content, Now);

        var codes = call.PublishProblems(Now).Select(p => (p.Code, p.Field)).ToList();

        Assert.Contains(("Call.TextMissingKk", "TitleKk"), codes);
        Assert.Contains(("Call.MaxPerProjectAboveBudget", "MaxPerProject"), codes);
        Assert.Contains(("Call.WindowInPast", "ClosesAt"), codes);
        Assert.Contains(("Call.CriterionWeightNotPositive", "Criteria[0].Weight"), codes);
        Assert.Contains(("Call.CriterionMinAboveMax", "Criteria[0].MinPoints"), codes);
    }

    [Fact]
    public void Publish_WithoutCriteria_BreaksCompletenessRule()
    {
        var call = Call.CreateDraft("SG-2027-0003", StateBodyId.New(), Complete(Now) with { Criteria = [] }, Now);

        var ex = Assert.Throws<BusinessRuleViolationException>(() => call.Publish(Now));

        var rule = Assert.IsType<CallMustBeCompleteToPublishRule>(ex.Rule);
        Assert.Contains(rule.Problems, p => p.Code == "Call.NoCriteria");
        Assert.Equal(CallStatus.Draft, call.Status);
    }

    [Fact]
    public void PublishProblems_LongTermYearlyBudgetsThatDoNotAddUp_AreReported()
    {
        var content = Complete(Now) with
        {
            Term = CallTerm.Long,
            DurationMonths = 36,
            YearlyBudgets = [new YearlyBudget(1, 3_000_000m), new YearlyBudget(2, 3_000_000m), new YearlyBudget(3, 3_000_000m)],
        };
        var call = Call.CreateDraft("SG-2027-0004", StateBodyId.New(), content, Now);

        Assert.Contains(call.PublishProblems(Now), p => p.Code == "Call.YearlyBudgetsDoNotAddUp");
        call.UpdateDraft(content with { YearlyBudgets = [new(1, 3_000_000m), new(2, 3_000_000m), new(3, 4_000_000m)] });
        Assert.Empty(call.PublishProblems(Now));
    }

    [Fact]
    public void PhaseAt_FollowsTheClock_WithTheClosingInstantExcluded()
    {
        var call = Published(Now);
        var closes = call.ClosesAt!.Value;

        Assert.Equal(CallPhase.Upcoming, call.PhaseAt(Now));
        Assert.Equal(CallPhase.Open, call.PhaseAt(call.OpensAt!.Value));
        Assert.Equal(CallPhase.Open, call.PhaseAt(closes.AddTicks(-1)));
        Assert.True(call.AcceptsSubmissionsAt(closes.AddTicks(-1)));
        Assert.Equal(CallPhase.Closed, call.PhaseAt(closes));
        Assert.False(call.AcceptsSubmissionsAt(closes));
    }

    [Fact]
    public void UpdateDraft_AfterPublishing_BreaksOnlyDraftCanBeEditedRule()
    {
        var call = Published(Now);

        var ex = Assert.Throws<BusinessRuleViolationException>(() => call.UpdateDraft(Complete(Now) with { Criteria = [] }));

        Assert.IsType<OnlyDraftCallCanBeEditedRule>(ex.Rule);
        Assert.Equal(6, call.Criteria.Count);
    }

    [Fact]
    public void Amend_TwoDaysBeforeDeadline_MovesTheDeadlineSoFiveDaysRemain()
    {
        var call = Published(Now);
        var late = call.ClosesAt!.Value.AddDays(-2);

        var amendment = call.Amend(Change(budget: 12_000_000m), "Бюджет увеличен решением комиссии", late, 5);

        Assert.Equal(late.AddDays(5), call.ClosesAt);
        Assert.Equal(late.AddDays(5), amendment.NewClosesAt);
        Assert.Contains("Budget:10000000:12000000", amendment.Changes);
        Assert.Equal(12_000_000m, call.Budget);
    }

    [Fact]
    public void Amend_WellBeforeDeadline_KeepsTheDeadline()
    {
        var call = Published(Now);
        var closes = call.ClosesAt;

        var amendment = call.Amend(Change(budget: 11_000_000m), "Уточнение бюджета конкурса", Now.AddDays(2), 5);

        Assert.Equal(closes, call.ClosesAt);
        Assert.Null(amendment.NewClosesAt);
        Assert.Equal(1, amendment.Number);
    }

    [Fact]
    public void Amend_ShorteningTheDeadline_IsRefused()
    {
        var call = Published(Now);

        var ex = Assert.Throws<BusinessRuleViolationException>(() =>
            call.Amend(Change(closesAt: call.ClosesAt!.Value.AddDays(-3)), "Сокращаем сроки приёма заявок", Now.AddDays(2), 5));

        Assert.IsType<DeadlineCanOnlyBeExtendedRule>(ex.Rule);
    }

    [Fact]
    public void Amend_AfterTheDeadline_IsRefused()
    {
        var call = Published(Now);

        var ex = Assert.Throws<BusinessRuleViolationException>(() =>
            call.Amend(Change(budget: 20_000_000m), "Поздняя попытка изменить бюджет", call.ClosesAt!.Value, 5));

        Assert.IsType<OnlyOpenOrUpcomingCallCanBeAmendedRule>(ex.Rule);
        Assert.Equal(10_000_000m, call.Budget);
    }

    [Fact]
    public void Amend_MaxAboveBudget_IsRefused()
    {
        var call = Published(Now);

        var ex = Assert.Throws<BusinessRuleViolationException>(() =>
            call.Amend(Change(budget: 1_000_000m), "Сокращение бюджета конкурса", Now.AddDays(2), 5));

        Assert.IsType<AmendedAmountsMustBeConsistentRule>(ex.Rule);
    }

    [Fact]
    public void Cancel_RecordsTheReason_AndCannotBeRepeated()
    {
        var call = Published(Now);

        call.Cancel("Финансирование отозвано решением акимата", Now.AddDays(3));

        Assert.Equal(CallPhase.Cancelled, call.PhaseAt(Now.AddDays(3)));
        Assert.Equal("Финансирование отозвано решением акимата", call.CancellationReason);
        Assert.Throws<BusinessRuleViolationException>(() => call.Cancel("Ещё раз отменить конкурс", Now.AddDays(4)));
    }

    [Fact]
    public void Clarification_AfterDeadline_IsRefused()
    {
        var call = Published(Now);

        Assert.Throws<BusinessRuleViolationException>(() => Clarification.Ask(call, Guid.NewGuid(), "Можно ли подать две заявки?", call.ClosesAt!.Value));
        Assert.NotNull(Clarification.Ask(call, Guid.NewGuid(), "Можно ли подать две заявки?", call.ClosesAt!.Value.AddTicks(-1)));
    }

    [Fact]
    public void DefaultMethodology_WeightsScaleTo100()
    {
        var (max, scale) = DefaultMethodology.Scale(DefaultMethodology.Criteria);

        Assert.Equal(1000m, max);
        Assert.Equal(100m, max * scale);
    }

    [Fact]
    public void Subscription_Matches_RegionAndAreaOrAny()
    {
        var call = Published(Now);
        var any = CallSubscription.Create("a@example.kz", null, null, "ru", Now);
        var almatyYouth = CallSubscription.Create("b@example.kz", new RegionId(19), new PriorityAreaId(1), "kk", Now);
        var astana = CallSubscription.Create("c@example.kz", new RegionId(18), null, "ru", Now);

        Assert.True(any.Matches(call));
        Assert.True(almatyYouth.Matches(call));
        Assert.False(astana.Matches(call));
    }

    private static CallAmendment Change(decimal? budget = null, DateTimeOffset? closesAt = null) =>
        new(null, null, null, budget, null, null, closesAt, null);
}
