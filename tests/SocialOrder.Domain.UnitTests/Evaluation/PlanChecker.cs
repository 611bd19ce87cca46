using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Domain.UnitTests.Evaluation;

/// <summary>Checks a plan against its request, written independently of the planner (brute force, small inputs).</summary>
internal static class PlanChecker
{
    /// <summary>The hard rules, the shortage accounting and the output order.</summary>
    public static void AssertValid(AssignmentRequest request, AssignmentPlan plan)
    {
        Assert.Equal(plan.Assignments.OrderBy(a => a.BidId.Value).ThenBy(a => a.ExpertId), plan.Assignments);
        Assert.Equal(plan.Shortages.OrderBy(s => s.BidId.Value), plan.Shortages);
        Assert.Equal(plan.Assignments.Count, plan.Assignments.Distinct().Count());

        var bids = request.Bids.ToDictionary(b => b.BidId);
        var experts = request.Experts.ToDictionary(e => e.ExpertId);
        foreach (var assignment in plan.Assignments)
        {
            Assert.True(bids.ContainsKey(assignment.BidId));
            Assert.True(experts.ContainsKey(assignment.ExpertId));
            Assert.True(IsEligible(request, bids[assignment.BidId], experts[assignment.ExpertId]), $"{assignment} breaks a hard rule");
        }

        var perExpert = NewPerExpert(plan);
        foreach (var expert in request.Experts)
        {
            var added = perExpert.GetValueOrDefault(expert.ExpertId);
            Assert.True(added == 0 || expert.CurrentLoad + added <= expert.Capacity, $"expert {expert.ExpertId} over capacity");
        }

        var perBid = plan.Assignments.CountBy(a => a.BidId).ToDictionary();
        foreach (var bid in request.Bids)
        {
            var added = perBid.GetValueOrDefault(bid.BidId);
            var need = Need(request, bid);
            Assert.True(added <= need, $"bid {bid.BidId} got more experts than it needs");
            var shortage = plan.Shortages.SingleOrDefault(s => s.BidId == bid.BidId);
            Assert.Equal(need - added, shortage?.Missing ?? 0);
        }
    }

    /// <summary>The most places any plan could fill: a maximum flow source → bid (need) → expert (eligible) → sink (spare capacity).</summary>
    public static int MaximumFillable(AssignmentRequest request)
    {
        var bids = request.Bids;
        var experts = Pool(request).ToList();
        var size = 2 + bids.Count + experts.Count;
        int source = 0, sink = size - 1;
        var capacity = new int[size, size];
        for (var b = 0; b < bids.Count; b++)
        {
            capacity[source, 1 + b] = Need(request, bids[b]);
            for (var e = 0; e < experts.Count; e++)
            {
                capacity[1 + b, 1 + bids.Count + e] = IsEligible(request, bids[b], experts[e]) ? 1 : 0;
            }
        }

        for (var e = 0; e < experts.Count; e++)
        {
            capacity[1 + bids.Count + e, sink] = Math.Max(0, experts[e].Capacity - experts[e].CurrentLoad);
        }

        var flow = 0;
        while (true)
        {
            var parent = Enumerable.Repeat(-1, size).ToArray();
            parent[source] = source;
            var queue = new Queue<int>([source]);
            while (queue.Count > 0 && parent[sink] < 0)
            {
                var u = queue.Dequeue();
                for (var v = 0; v < size; v++)
                {
                    if (parent[v] < 0 && capacity[u, v] > 0)
                    {
                        parent[v] = u;
                        queue.Enqueue(v);
                    }
                }
            }

            if (parent[sink] < 0)
            {
                return flow;
            }

            for (var v = sink; v != source; v = parent[v])
            {
                capacity[parent[v], v]--;
                capacity[v, parent[v]]++;
            }

            flow++;
        }
    }

    /// <summary>No single new assignment can move to an expert with spare capacity whose load is at least two lower, keeping every rule and the bid's outsider.</summary>
    public static void AssertNoImprovingMove(AssignmentRequest request, AssignmentPlan plan)
    {
        var perExpert = NewPerExpert(plan);
        var loads = request.Experts.ToDictionary(e => e.ExpertId, e => e.CurrentLoad + perExpert.GetValueOrDefault(e.ExpertId));
        var bids = request.Bids.ToDictionary(b => b.BidId);
        var onBids = OnBids(plan);
        var pool = Pool(request).ToList();
        foreach (var assignment in plan.Assignments)
        {
            var bid = bids[assignment.BidId];
            var onBid = onBids[bid.BidId];
            var hadOutsider = HasOutsider(request, bid, onBid);
            foreach (var receiver in pool)
            {
                if (onBid.Contains(receiver.ExpertId) || !IsEligible(request, bid, receiver)
                    || loads[receiver.ExpertId] >= receiver.Capacity
                    || loads[receiver.ExpertId] > loads[assignment.ExpertId] - 2)
                {
                    continue;
                }

                var after = onBid.Where(id => id != assignment.ExpertId).Append(receiver.ExpertId).ToHashSet();
                Assert.False(
                    !hadOutsider || HasOutsider(request, bid, after),
                    $"moving bid {bid.BidId.Value} from {assignment.ExpertId} (load {loads[assignment.ExpertId]}) to {receiver.ExpertId} (load {loads[receiver.ExpertId]}) would balance better");
            }
        }
    }

    /// <summary>A bid left without an outsider has no outsider with spare capacity who could simply replace one of its new experts.</summary>
    public static void AssertNoEasyRegionRepair(AssignmentRequest request, AssignmentPlan plan)
    {
        var perExpert = NewPerExpert(plan);
        var onBids = OnBids(plan);
        foreach (var bid in request.Bids)
        {
            if (!onBids.TryGetValue(bid.BidId, out var onBid) || HasOutsider(request, bid, onBid))
            {
                continue;
            }

            Assert.DoesNotContain(
                Pool(request),
                e => !onBid.Contains(e.ExpertId) && IsEligible(request, bid, e) && !e.Regions.Contains(bid.RegionId!.Value)
                    && e.CurrentLoad + perExpert.GetValueOrDefault(e.ExpertId) < e.Capacity);
        }
    }

    private static IEnumerable<PlannerExpert> Pool(AssignmentRequest request) =>
        request.Experts.Where(e => request.CallArea is not { } area || e.Areas.Contains(area));

    private static bool IsEligible(AssignmentRequest request, PlannerBid bid, PlannerExpert expert) =>
        (request.CallArea is not { } area || expert.Areas.Contains(area))
        && !bid.CurrentExperts.Contains(expert.ExpertId)
        && !bid.ExcludedExperts.Contains(expert.ExpertId)
        && !expert.ConflictedOrganizations.Contains(bid.OrganizationId);

    private static int Need(AssignmentRequest request, PlannerBid bid) => Math.Max(0, request.ExpertsPerBid - bid.CurrentExperts.Distinct().Count());

    private static Dictionary<Guid, int> NewPerExpert(AssignmentPlan plan) => plan.Assignments.CountBy(a => a.ExpertId).ToDictionary();

    private static Dictionary<BidId, HashSet<Guid>> OnBids(AssignmentPlan plan) =>
        plan.Assignments.GroupBy(a => a.BidId).ToDictionary(g => g.Key, g => g.Select(a => a.ExpertId).ToHashSet());

    private static bool HasOutsider(AssignmentRequest request, PlannerBid bid, IEnumerable<Guid> newExperts)
    {
        if (bid.RegionId is not { } region)
        {
            return true;
        }

        return bid.CurrentExperts.Concat(newExperts)
            .Any(id => request.Experts.FirstOrDefault(e => e.ExpertId == id) is { } expert && !expert.Regions.Contains(region));
    }
}
