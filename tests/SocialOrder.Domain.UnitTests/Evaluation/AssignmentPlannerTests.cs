using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Domain.UnitTests.Evaluation;

public sealed class AssignmentPlannerTests
{
    private static readonly PriorityAreaId Youth = new(1);
    private static readonly PriorityAreaId Elderly = new(2);
    private static readonly RegionId Almaty = new(1);
    private static readonly RegionId Astana = new(2);
    private static readonly RegionId Shymkent = new(3);

    [Fact]
    public void Plan_WhenPoolIsLargeEnough_GivesEveryBidExpertsPerBidDistinctExperts()
    {
        var request = Request(3, [Bid(1), Bid(2), Bid(3), Bid(4)], [Expert(1), Expert(2), Expert(3), Expert(4), Expert(5)]);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Empty(plan.Shortages);
        Assert.Equal(12, plan.Assignments.Count);
        Assert.All(plan.Assignments.GroupBy(a => a.BidId), g => Assert.Equal(3, g.Select(a => a.ExpertId).Distinct().Count()));
        PlanChecker.AssertValid(request, plan);
    }

    [Fact]
    public void Plan_WhenPoolIsSmallerThanExpertsPerBid_ReportsTheMissingCountAndNeverDuplicates()
    {
        var request = Request(3, [Bid(1), Bid(2)], [Expert(1), Expert(2)]);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Equal(4, plan.Assignments.Count);
        Assert.Equal([new AssignmentShortage(BidOf(1), 1), new AssignmentShortage(BidOf(2), 1)], plan.Shortages);
        Assert.Equal(plan.Assignments.Count, plan.Assignments.Distinct().Count());
    }

    [Fact]
    public void Plan_WhenCapacityRunsOut_ReportsShortagesForWhatIsLeft()
    {
        // Two experts with room for three bids in all; four bids of one place each.
        var request = Request(1, [Bid(1), Bid(2), Bid(3), Bid(4)], [Expert(1, capacity: 2), Expert(2, capacity: 5, load: 4)]);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Equal(3, plan.Assignments.Count);
        var shortage = Assert.Single(plan.Shortages);
        Assert.Equal(1, shortage.Missing);
        PlanChecker.AssertValid(request, plan);
    }

    [Fact]
    public void Plan_CountsCurrentExpertsTowardExpertsPerBidAndNeverAssignsThemAgain()
    {
        var request = Request(3, [Bid(1, current: [G(1), G(2)]), Bid(2, current: [G(1), G(2), G(3)])], [Expert(1), Expert(2), Expert(3), Expert(4)]);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Equal([new PlannedAssignment(BidOf(1), G(3))], plan.Assignments);
        Assert.Empty(plan.Shortages);
    }

    [Fact]
    public void Plan_WhenCurrentExpertsAlreadyExceedExpertsPerBid_AddsNothing()
    {
        var request = Request(2, [Bid(1, current: [G(1), G(2), G(3)])], [Expert(4)]);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Empty(plan.Assignments);
        Assert.Empty(plan.Shortages);
    }

    [Fact]
    public void Plan_NeverAssignsAnExcludedExpert()
    {
        var request = Request(2, [Bid(1, excluded: [G(1)]), Bid(2, excluded: [G(2)])], [Expert(1), Expert(2), Expert(3)]);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Equal(
            [new PlannedAssignment(BidOf(1), G(2)), new PlannedAssignment(BidOf(1), G(3)), new PlannedAssignment(BidOf(2), G(1)), new PlannedAssignment(BidOf(2), G(3))],
            plan.Assignments);
    }

    [Fact]
    public void Plan_WhenTheOnlyOthersAreExcluded_ReportsAShortageRatherThanAssigningThem()
    {
        var request = Request(2, [Bid(1, current: [G(1)], excluded: [G(2)])], [Expert(1), Expert(2)]);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Empty(plan.Assignments);
        Assert.Equal([new AssignmentShortage(BidOf(1), 1)], plan.Shortages);
    }

    [Fact]
    public void Plan_NeverAssignsAnExpertBeyondCapacityCountingTheCurrentLoad()
    {
        var request = Request(
            2,
            [Bid(1), Bid(2), Bid(3), Bid(4), Bid(5)],
            [Expert(1, capacity: 3, load: 2), Expert(2, capacity: 2), Expert(3, capacity: 4, load: 4), Expert(4, capacity: 10), Expert(5, capacity: 1, load: 3)]);

        var plan = AssignmentPlanner.Plan(request);

        // Ten places; room for 1 + 2 + 0 + 5 (one place per bid) + 0: two places stay empty.
        var added = plan.Assignments.GroupBy(a => a.ExpertId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, added[G(1)]);
        Assert.Equal(2, added[G(2)]);
        Assert.False(added.ContainsKey(G(3)));
        Assert.Equal(5, added[G(4)]);
        Assert.False(added.ContainsKey(G(5)));
        Assert.Equal(2, plan.Shortages.Sum(s => s.Missing));
        PlanChecker.AssertValid(request, plan);
    }

    [Fact]
    public void Plan_SpreadsBidsOverTheLeastLoadedExperts()
    {
        // A first-fit planner would give all six bids to expert 1.
        var request = Request(1, [.. Enumerable.Range(1, 6).Select(n => Bid(n))], [Expert(1), Expert(2), Expert(3)]);

        var plan = AssignmentPlanner.Plan(request);

        Assert.All(plan.Assignments.GroupBy(a => a.ExpertId), g => Assert.Equal(2, g.Count()));
    }

    [Fact]
    public void Plan_BalancesTotalLoadIncludingCurrentLoad()
    {
        var request = Request(1, [.. Enumerable.Range(1, 6).Select(n => Bid(n))], [Expert(1, load: 4), Expert(2), Expert(3, load: 1)]);

        var plan = AssignmentPlanner.Plan(request);

        var loads = Loads(request, plan);
        Assert.Equal(4, loads[G(1)]);
        Assert.True(loads.Values.Max() - loads.Values.Min() <= 1, string.Join(", ", loads.Values));
    }

    [Fact]
    public void Plan_WhenGreedyPicksLeaveExpertsUneven_MovesAnAssignmentToTheLeastBusy()
    {
        // Round one: bid 1 takes expert 2 (load 0), bid 2 then takes expert 1 (1 against 1, smaller id).
        // Round two: bid 1 can only take expert 1, who ends at 3 against expert 2's 1. The improvement pass
        // moves bid 2 to expert 2: 2 and 2.
        var request = Request(2, [Bid(1), Bid(2, current: [G(9)])], [Expert(1, load: 1), Expert(2)]);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Equal(
            [new PlannedAssignment(BidOf(1), G(1)), new PlannedAssignment(BidOf(1), G(2)), new PlannedAssignment(BidOf(2), G(2))],
            plan.Assignments);
    }

    [Fact]
    public void Plan_WhenConflictsNarrowTheChoice_StillKeepsLoadsWithinOne()
    {
        // Experts 1 and 2 are conflicted with the organisation of bids 1-4; bids 5-8 can go to anyone.
        // Only expert 3 can take bids 1-4, so bids 5-8 must go to experts 1 and 2 for the loads to stay even.
        var org = new OrganizationId(G(900));
        var request = Request(
            1,
            [.. Enumerable.Range(1, 4).Select(n => Bid(n, org: org)), .. Enumerable.Range(5, 4).Select(n => Bid(n))],
            [Expert(1, conflicts: [org]), Expert(2, conflicts: [org]), Expert(3)]);

        var plan = AssignmentPlanner.Plan(request);

        var loads = Loads(request, plan);
        Assert.Equal(4, loads[G(3)]);
        Assert.Equal(2, loads[G(1)]);
        Assert.Equal(2, loads[G(2)]);
        PlanChecker.AssertValid(request, plan);
    }

    [Fact]
    public void Plan_WhenTheCallHasAnArea_UsesOnlyExpertsOfThatArea()
    {
        var request = Request(
            2,
            [Bid(1), Bid(2)],
            [Expert(1, areas: [Elderly]), Expert(2, areas: [Youth, Elderly]), Expert(3, areas: [Youth]), Expert(4, areas: [Elderly])],
            area: Youth);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Empty(plan.Shortages);
        Assert.Equal([G(2), G(3)], plan.Assignments.Select(a => a.ExpertId).Distinct().Order());
    }

    [Fact]
    public void Plan_WhenTheAreaLeavesTooFewExperts_ReportsAShortageInsteadOfUsingOthers()
    {
        var request = Request(2, [Bid(1)], [Expert(1, areas: [Elderly]), Expert(2, areas: [Youth])], area: Youth);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Equal([new PlannedAssignment(BidOf(1), G(2))], plan.Assignments);
        Assert.Equal([new AssignmentShortage(BidOf(1), 1)], plan.Shortages);
    }

    [Fact]
    public void Plan_WhenTheCallHasNoArea_UsesExpertsOfAnyArea()
    {
        var request = Request(2, [Bid(1)], [Expert(1, areas: [Elderly]), Expert(2, areas: [])]);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Equal(2, plan.Assignments.Count);
    }

    [Fact]
    public void Plan_PrefersAnExpertFromOutsideTheBidsRegion()
    {
        // Expert 1 would win on id; expert 3 is the only one from outside Almaty.
        var request = Request(1, [Bid(1, region: Almaty)], [Expert(1, regions: [Almaty]), Expert(2, regions: [Almaty, Astana]), Expert(3, regions: [Astana])]);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Equal([new PlannedAssignment(BidOf(1), G(3))], plan.Assignments);
    }

    [Fact]
    public void Plan_PutsAtLeastOneOutsiderOnEveryBidWherePossible()
    {
        var request = Request(
            3,
            [.. Enumerable.Range(1, 6).Select(n => Bid(n, region: n % 2 == 0 ? Almaty : Astana))],
            [Expert(1, regions: [Almaty]), Expert(2, regions: [Almaty]), Expert(3, regions: [Almaty]), Expert(4, regions: [Astana]), Expert(5, regions: [Astana]), Expert(6, regions: [Astana, Almaty])]);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Empty(plan.Shortages);
        var regions = request.Experts.ToDictionary(e => e.ExpertId, e => e.Regions);
        Assert.All(request.Bids, bid => Assert.Contains(plan.Assignments, a => a.BidId == bid.BidId && !regions[a.ExpertId].Contains(bid.RegionId!.Value)));
    }

    [Fact]
    public void Plan_WhenAnotherBidTookTheOnlyOutsider_SwapsThemToRepairTheRegionRule()
    {
        // Bid 1 (Astana) comes first and nobody is from outside Astana, so it takes expert 1, who has room for one bid.
        // Expert 1 is bid 2's only outsider: the repair swaps, giving expert 1 to bid 2 and expert 2 to bid 1.
        var request = Request(
            1,
            [Bid(1, region: Astana), Bid(2, region: Almaty)],
            [Expert(1, capacity: 1, regions: [Astana]), Expert(2, capacity: 1, regions: [Almaty, Astana])]);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Equal([new PlannedAssignment(BidOf(1), G(2)), new PlannedAssignment(BidOf(2), G(1))], plan.Assignments);
    }

    [Fact]
    public void Plan_WhenAChainLeftABidWithOnlyALocal_ReplacesHimWithAnOutsiderWhoHasRoom()
    {
        // Bids 1 and 2 share an organisation expert 2 is conflicted with; bid 3 (Almaty) has one place left.
        // The greedy pass gives bid 3 expert 1, then a chain hands expert 1 to bid 2 and the first free expert found,
        // expert 2 from Almaty, takes his place on bid 3. Expert 2 cannot go to bids 1 or 2, so no swap helps:
        // the repair replaces him with expert 3, an outsider who still has room.
        var shared = new OrganizationId(G(900));
        var request = Request(
            2,
            [Bid(1, org: shared), Bid(2, org: shared), Bid(3, region: Almaty, current: [G(9)])],
            [Expert(1, capacity: 3, load: 1), Expert(2, capacity: 1, regions: [Almaty], conflicts: [shared]), Expert(3, capacity: 4, load: 1)]);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Empty(plan.Shortages);
        Assert.Equal([new PlannedAssignment(BidOf(3), G(3))], plan.Assignments.Where(a => a.BidId == BidOf(3)));
    }

    [Fact]
    public void Plan_NeverBalancesLoadByTakingAwayABidsOnlyOutsider()
    {
        var request = Request(
            1,
            [Bid(1, region: Almaty), Bid(2, region: Almaty), Bid(3, region: Almaty), Bid(4, region: Almaty)],
            [Expert(1, regions: [Astana]), Expert(2, regions: [Almaty])]);

        var plan = AssignmentPlanner.Plan(request);

        Assert.All(plan.Assignments, a => Assert.Equal(G(1), a.ExpertId));
        Assert.Equal(4, plan.Assignments.Count);
    }

    [Fact]
    public void Plan_WhenACurrentExpertIsAnOutsider_DoesNotInsistOnAnother()
    {
        // Expert 1 (Astana) already scores the Almaty bid; the least loaded of the others, a local, fills the second place.
        var request = Request(
            2,
            [Bid(1, region: Almaty, current: [G(1)])],
            [Expert(1, load: 1, regions: [Astana]), Expert(2, regions: [Almaty]), Expert(3, load: 3, regions: [Shymkent])]);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Equal([new PlannedAssignment(BidOf(1), G(2))], plan.Assignments);
    }

    [Fact]
    public void Plan_WhenNoOutsiderIsAvailable_StillStaffsTheBidWithLocals()
    {
        var request = Request(2, [Bid(1, region: Almaty)], [Expert(1, regions: [Almaty]), Expert(2, regions: [Almaty]), Expert(3, regions: [Astana], conflicts: [OrgOf(1)])]);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Empty(plan.Shortages);
        Assert.Equal([G(1), G(2)], plan.Assignments.Select(a => a.ExpertId));
    }

    [Fact]
    public void Plan_NeverAssignsAnExpertConflictedWithTheBidsOrganization()
    {
        var request = Request(
            2,
            [Bid(1), Bid(2)],
            [Expert(1, conflicts: [OrgOf(1)]), Expert(2, conflicts: [OrgOf(2)]), Expert(3, conflicts: [OrgOf(1), OrgOf(2)])]);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Equal([new PlannedAssignment(BidOf(1), G(2)), new PlannedAssignment(BidOf(2), G(1))], plan.Assignments);
        Assert.Equal([new AssignmentShortage(BidOf(1), 1), new AssignmentShortage(BidOf(2), 1)], plan.Shortages);
    }

    [Fact]
    public void Plan_WhenTheGreedyPassUsesUpTheOnlyEligibleExpert_FreesHimThroughAChain()
    {
        // Bid 1 can only be scored by expert 1 (expert 2 is conflicted). Bid 2 can take either.
        // Both bids need one expert and each expert has room for one bid: bid 2 must get expert 2.
        var request = Request(
            1,
            [Bid(1), Bid(2)],
            [Expert(1, capacity: 1), Expert(2, capacity: 1, conflicts: [OrgOf(1)])]);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Equal([new PlannedAssignment(BidOf(1), G(1)), new PlannedAssignment(BidOf(2), G(2))], plan.Assignments);
        Assert.Empty(plan.Shortages);
    }

    [Fact]
    public void Plan_OrdersAssignmentsByBidThenExpertAndShortagesByBid()
    {
        var request = Request(2, [Bid(3), Bid(1), Bid(2)], [Expert(4), Expert(2), Expert(1)], area: null);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Equal(plan.Assignments.OrderBy(a => a.BidId.Value).ThenBy(a => a.ExpertId), plan.Assignments);
    }

    [Fact]
    public void Plan_WithShuffledInput_GivesTheIdenticalPlan()
    {
        var request = RandomRequest(new Random(20270301), bids: 40, experts: 12, perBid: 3);
        var expected = AssignmentPlanner.Plan(request);

        var random = new Random(7);
        for (var i = 0; i < 10; i++)
        {
            var shuffled = request with
            {
                Bids = [.. request.Bids.OrderBy(_ => random.Next()).Select(b => b with { CurrentExperts = [.. b.CurrentExperts.Reverse()] })],
                Experts = [.. request.Experts.OrderBy(_ => random.Next()).Select(e => e with { Regions = [.. e.Regions.Reverse()] })],
            };

            var plan = AssignmentPlanner.Plan(shuffled);

            Assert.Equal(expected.Assignments, plan.Assignments);
            Assert.Equal(expected.Shortages, plan.Shortages);
        }
    }

    [Fact]
    public void Plan_OnRandomPools_KeepsEveryRuleFillsTheMostPlacesAndLeavesNoImprovingMove()
    {
        var random = new Random(424242);
        for (var i = 0; i < 300; i++)
        {
            var request = RandomRequest(random, bids: random.Next(1, 14), experts: random.Next(1, 9), perBid: random.Next(1, 4));

            var plan = AssignmentPlanner.Plan(request);

            PlanChecker.AssertValid(request, plan);
            Assert.Equal(PlanChecker.MaximumFillable(request), plan.Assignments.Count);
            PlanChecker.AssertNoImprovingMove(request, plan);
            PlanChecker.AssertNoEasyRegionRepair(request, plan);
        }
    }

    [Fact]
    public void Plan_OnACallOfFiveHundredBids_KeepsEveryRuleAndBalancesTheLoad()
    {
        var request = RandomRequest(new Random(500), bids: 500, experts: 60, perBid: 3, roomy: true);

        var plan = AssignmentPlanner.Plan(request);

        Assert.Empty(plan.Shortages);
        PlanChecker.AssertValid(request, plan);
        PlanChecker.AssertNoImprovingMove(request, plan);
        PlanChecker.AssertNoEasyRegionRepair(request, plan);
    }

    [Fact]
    public void Plan_WithNoBids_ReturnsAnEmptyPlan()
    {
        var plan = AssignmentPlanner.Plan(Request(3, [], [Expert(1)]));

        Assert.Empty(plan.Assignments);
        Assert.Empty(plan.Shortages);
    }

    [Fact]
    public void Plan_WithNoExperts_ReportsEveryPlaceMissing()
    {
        var plan = AssignmentPlanner.Plan(Request(3, [Bid(1), Bid(2, current: [G(9)])], []));

        Assert.Empty(plan.Assignments);
        Assert.Equal([new AssignmentShortage(BidOf(1), 3), new AssignmentShortage(BidOf(2), 2)], plan.Shortages);
    }

    [Fact]
    public void Plan_WhenAnExpertAppearsTwice_Throws()
    {
        Assert.Throws<ArgumentException>(() => AssignmentPlanner.Plan(Request(1, [Bid(1)], [Expert(1), Expert(1, capacity: 2)])));
    }

    [Fact]
    public void Plan_WhenExpertsPerBidIsNegative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AssignmentPlanner.Plan(Request(-1, [Bid(1)], [Expert(1)])));
    }

    internal static AssignmentRequest RandomRequest(Random random, int bids, int experts, int perBid, bool roomy = false)
    {
        RegionId[] regions = [Almaty, Astana, Shymkent, new(4), new(5)];
        var organizations = Enumerable.Range(0, Math.Max(1, bids / 2)).Select(i => new OrganizationId(G(5000 + i))).ToArray();
        var expertIds = Enumerable.Range(0, experts).Select(_ => RandomGuid(random)).ToArray();

        var pool = expertIds.Select(id =>
        {
            var capacity = roomy ? random.Next(30, 40) : random.Next(0, 6);
            return new PlannerExpert(
                id,
                random.Next(5) == 0 ? [Elderly] : [Youth, Elderly],
                [.. regions.Where(_ => random.Next(3) == 0)],
                capacity,
                roomy ? random.Next(0, 3) : random.Next(0, capacity + 2),
                [.. organizations.Where(_ => random.Next(roomy ? 40 : 6) == 0)]);
        }).ToList();

        var list = Enumerable.Range(0, bids).Select(_ =>
        {
            var current = expertIds.Where(_ => random.Next(roomy ? 200 : 8) == 0).Take(perBid).ToList();
            if (!roomy && random.Next(10) == 0)
            {
                current.Add(RandomGuid(random)); // an expert no longer in the pool
            }

            return new PlannerBid(
                new BidId(RandomGuid(random)),
                organizations[random.Next(organizations.Length)],
                random.Next(6) == 0 ? null : regions[random.Next(regions.Length)],
                current,
                [.. expertIds.Where(id => !current.Contains(id) && random.Next(roomy ? 100 : 7) == 0)]);
        }).ToList();

        return new AssignmentRequest(random.Next(3) == 0 ? null : Youth, perBid, list, pool);
    }

    private static Guid RandomGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static Dictionary<Guid, int> Loads(AssignmentRequest request, AssignmentPlan plan) =>
        request.Experts.ToDictionary(e => e.ExpertId, e => e.CurrentLoad + plan.Assignments.Count(a => a.ExpertId == e.ExpertId));

    private static AssignmentRequest Request(int perBid, IReadOnlyList<PlannerBid> bids, IReadOnlyList<PlannerExpert> experts, PriorityAreaId? area = null) =>
        new(area, perBid, bids, experts);

    private static Guid G(int n) => new($"00000000-0000-0000-0000-{n:D12}");

    private static BidId BidOf(int n) => new(G(100 + n));

    private static OrganizationId OrgOf(int n) => new(G(200 + n));

    private static PlannerBid Bid(int n, RegionId? region = null, OrganizationId? org = null, Guid[]? current = null, Guid[]? excluded = null) =>
        new(BidOf(n), org ?? OrgOf(n), region, current ?? [], excluded ?? []);

    private static PlannerExpert Expert(int n, int capacity = 10, int load = 0, RegionId[]? regions = null, PriorityAreaId[]? areas = null, OrganizationId[]? conflicts = null) =>
        new(G(n), areas ?? [Youth, Elderly], regions ?? [Shymkent], capacity, load, conflicts ?? []);
}
