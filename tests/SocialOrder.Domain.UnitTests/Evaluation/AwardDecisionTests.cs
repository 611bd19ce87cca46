using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Domain.UnitTests.Evaluation;

public sealed class AwardDecisionTests
{
    private static readonly DateTimeOffset Now = new(2027, 5, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly Guid Chair = Guid.NewGuid();
    private static readonly Guid Secretary = Guid.NewGuid();
    private static readonly Guid Member = Guid.NewGuid();

    private static (AwardDecision Decision, IReadOnlyList<AllocationCandidate> Candidates) Draft(decimal budget = 3_000_000m, bool fundable = true)
    {
        var call = Call.CreateDraft("SSO-2027-0001", new StateBodyId(Guid.NewGuid()), CallTests.Complete(Now) with { Budget = budget, MaxPerProject = 1_500_000m }, Now);
        var candidates = new List<AllocationCandidate>
        {
            new(BidId.New(), 1, 1_500_000m, fundable, new Dictionary<int, decimal>()),
            new(BidId.New(), 2, 1_000_000m, fundable, new Dictionary<int, decimal>()),
            new(BidId.New(), 3, 1_000_000m, fundable, new Dictionary<int, decimal>()),
            new(BidId.New(), 4, 1_000_000m, false, new Dictionary<int, decimal>()),
        };
        var proposal = AwardAllocator.Propose(budget, [], candidates);
        var members = new List<CommissionMember>
        {
            new(Chair, "Төраға", CommissionRole.Chair, false, false),
            new(Secretary, "Хатшы", CommissionRole.Secretary, false, false),
            new(Member, "Байқаушы", CommissionRole.Member, true, false),
        };
        return (AwardDecision.Prepare(call, members, 2m / 3m, proposal, candidates, Chair, Now), candidates);
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(9, 6)]
    [InlineData(4, 3)]
    [InlineData(5, 4)]
    public void QuorumNeeded_IsTwoThirdsRoundedUp_WithoutDecimalNoise(int members, int needed)
    {
        var (decision, _) = Draft();
        var people = Enumerable.Range(0, members).Select(i => new CommissionMember(Guid.NewGuid(), $"M{i}", i == 0 ? CommissionRole.Chair : i == 1 ? CommissionRole.Secretary : CommissionRole.Member, false, false)).ToList();

        decision.SetCommission(people, 0.6667m);

        Assert.Equal(needed, decision.QuorumNeeded);
    }

    [Fact]
    public void ConfirmationProblems_WithoutAttendance_IsNoQuorum_AndWithTwoOfThree_None()
    {
        var (decision, _) = Draft();
        Assert.Contains("Rule.DecisionNeedsQuorum", decision.ConfirmationProblems());

        decision.RecordAttendance([Chair, Secretary]);

        Assert.Empty(decision.ConfirmationProblems());
    }

    [Fact]
    public void ChangeLine_OnlyTheSecretary_NeverAboveTheRequest_AlwaysJustified_NeverAnUnfundableBid()
    {
        var (decision, candidates) = Draft();
        var first = candidates[0].BidId;

        Assert.Equal("Rule.OnlySecretaryChanges", Assert.Throws<BusinessRuleViolationException>(() => decision.ChangeLine(Chair, first, 1_000_000m, AwardOutcome.Awarded, "Смета завышена на транспорт")).Rule.MessageKey);
        Assert.Equal("Rule.AmountAboveRequest", Assert.Throws<BusinessRuleViolationException>(() => decision.ChangeLine(Secretary, first, 1_500_001m, AwardOutcome.Awarded, "Больше запрошенного")).Rule.MessageKey);
        Assert.Equal("Rule.ChangeNeedsJustification", Assert.Throws<BusinessRuleViolationException>(() => decision.ChangeLine(Secretary, first, 1_000_000m, AwardOutcome.Awarded, " ")).Rule.MessageKey);
        Assert.Equal("Rule.UnfundableNotAwarded", Assert.Throws<BusinessRuleViolationException>(() => decision.ChangeLine(Secretary, candidates[3].BidId, 1_000_000m, AwardOutcome.Awarded, "Решение комиссии по итогам обсуждения")).Rule.MessageKey);

        decision.ChangeLine(Secretary, first, 1_000_000m, AwardOutcome.Awarded, "Смета завышена на транспорт");

        Assert.Equal(1_000_000m, decision.Lines.Single(l => l.BidId == first).Amount);
    }

    [Fact]
    public void ChangeLine_ThatWouldTakeTheTotalAboveTheBudget_IsRefused_AndWithinItIsAccepted()
    {
        var (decision, candidates) = Draft();
        decision.RecordAttendance([Chair, Secretary, Member]);

        // The proposal funds 1.5 M + 1 M; moving the reserve bid into the winners at 1 M overshoots the 3 M budget.
        var refused = Assert.Throws<BusinessRuleViolationException>(() => decision.ChangeLine(Secretary, candidates[2].BidId, 1_000_000m, AwardOutcome.Awarded, "Комиссия решила поддержать проект"));
        Assert.Equal("Rule.TotalAboveBudget", refused.Rule.MessageKey);
        Assert.Equal(AwardOutcome.Reserve, decision.Lines.Single(l => l.BidId == candidates[2].BidId).Outcome);

        decision.ChangeLine(Secretary, candidates[2].BidId, 500_000m, AwardOutcome.Awarded, "Комиссия финансирует в пределах остатка");
        Assert.Equal(3_000_000m, decision.Total);
        Assert.Empty(decision.ConfirmationProblems());
    }

    [Fact]
    public void Lock_FixesNumberAndHash_AndNothingChangesAfterwards()
    {
        var (decision, candidates) = Draft();
        decision.RecordAttendance([Chair, Secretary]);
        decision.Lock(Chair, "PRT-2027-0001", Now);

        Assert.Equal(DecisionStatus.Locked, decision.Status);
        Assert.Matches("^[0-9a-f]{64}$", decision.DecisionSha256!);
        Assert.Equal(decision.DecisionSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(decision.CanonicalJson()))));
        Assert.Throws<BusinessRuleViolationException>(() => decision.RecordAttendance([Chair]));
        Assert.Throws<BusinessRuleViolationException>(() => decision.ChangeLine(Secretary, candidates[0].BidId, 1m, AwardOutcome.Awarded, "После утверждения"));
        Assert.Throws<BusinessRuleViolationException>(() => decision.AddDissent(Member, "Особое мнение после утверждения", Now));
        Assert.Throws<BusinessRuleViolationException>(() => decision.Lock(Chair, "PRT-2027-0002", Now));
    }

    [Fact]
    public void Lock_WhenNoBidIsFundable_IsRefused_NothingIsAwardedForZeroTenge()
    {
        var (decision, _) = Draft(fundable: false);
        decision.RecordAttendance([Chair, Secretary]);

        var refused = Assert.Throws<BusinessRuleViolationException>(() => decision.Lock(Chair, "PRT-2027-0001", Now));

        Assert.Contains("Rule.DecisionFundsNothing", decision.ConfirmationProblems());
        Assert.NotNull(refused);
        Assert.Equal(DecisionStatus.Draft, decision.Status);
    }
}
