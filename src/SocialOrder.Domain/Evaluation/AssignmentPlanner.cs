using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Domain.Evaluation;

/// <summary>
/// A bid to staff. CurrentExperts: experts already holding an active assignment on it (count toward ExpertsPerBid, never duplicated).
/// ExcludedExperts: experts who must never get this bid (declined it, recused on it).
/// </summary>
public sealed record PlannerBid(BidId BidId, OrganizationId OrganizationId, RegionId? RegionId, IReadOnlyCollection<Guid> CurrentExperts, IReadOnlyCollection<Guid> ExcludedExperts);

/// <summary>
/// An available approved expert. Capacity: the most bids of this call they may hold in total; CurrentLoad: bids of this call they already hold.
/// ConflictedOrganizations: organizations they are a member of or declared a conflict with earlier (any call).
/// </summary>
public sealed record PlannerExpert(Guid ExpertId, IReadOnlyCollection<PriorityAreaId> Areas, IReadOnlyCollection<RegionId> Regions, int Capacity, int CurrentLoad, IReadOnlyCollection<OrganizationId> ConflictedOrganizations);

/// <summary>What to plan: the call's priority area (null: any expertise will do), how many experts each bid needs, the bids and the pool.</summary>
public sealed record AssignmentRequest(PriorityAreaId? CallArea, int ExpertsPerBid, IReadOnlyList<PlannerBid> Bids, IReadOnlyList<PlannerExpert> Experts);

/// <summary>A new assignment the plan proposes; existing assignments are never repeated here.</summary>
public sealed record PlannedAssignment(BidId BidId, Guid ExpertId);

/// <summary>A bid the pool cannot fully staff: how many experts it still lacks after the plan.</summary>
public sealed record AssignmentShortage(BidId BidId, int Missing);

/// <summary>New assignments ordered by bid then expert id, and the shortages ordered by bid id.</summary>
public sealed record AssignmentPlan(IReadOnlyList<PlannedAssignment> Assignments, IReadOnlyList<AssignmentShortage> Shortages);

/// <summary>
/// Plans which experts score which bids of one call. Pure and deterministic: the same request, in any list order, gives the same plan.
/// <para>Hard rules, never broken: an expert is assigned only if, when the call has an area, their areas contain it; never to a bid in their
/// ConflictedOrganizations, CurrentExperts or ExcludedExperts; never twice to a bid; never beyond Capacity (CurrentLoad + new ≤ Capacity).</para>
/// <para>Goals, in priority order, met wherever the pool allows: (1) every bid reaches ExpertsPerBid experts, counting current ones
/// (the number of filled places is the maximum the pool allows; what is left is reported as a shortage); (2) every bid has at least one
/// expert from outside its region (a bid without a region counts as satisfied; a current expert who is not in the pool counts as local);
/// (3) the load (CurrentLoad + new) is balanced: no new assignment can be moved, directly or along a chain of moves, from an expert to
/// one with spare capacity whose load is at least two lower without breaking a rule or goal (2) on a bid that met it.</para>
/// <para>Method: a greedy least-loaded pick (outsiders first for a bid that still lacks one, most constrained bids first), augmenting
/// chains for places the greedy pass left empty, a region repair that swaps or replaces assignments, and an improvement pass that moves
/// assignments from busier to less busy experts along shortest chains. Ties are broken by expert and bid id (Guid order), never by chance.
/// The work is O(bids × experts × small).</para>
/// </summary>
public static class AssignmentPlanner
{
    /// <summary>Plans the missing assignments of every bid in <paramref name="request"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">ExpertsPerBid is negative.</exception>
    /// <exception cref="ArgumentException">Two bids, or two experts, share an id.</exception>
    public static AssignmentPlan Plan(AssignmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.ExpertsPerBid, nameof(request));

        var planner = new PlannerState(request);
        planner.FillGreedily();
        planner.FillByAugmentingChains();
        planner.RepairRegionsAndBalance();
        return planner.ToPlan();
    }
}

/// <summary>The mutable working state of one planning run: bids and experts by index, sorted by id.</summary>
internal sealed class PlannerState
{
    private readonly PlannerBid[] _bids;
    private readonly PlannerExpert[] _experts;
    private readonly int _expertCount;

    // Flat [bid * _expertCount + expert] matrices.
    private readonly bool[] _eligible;
    private readonly bool[] _outside;
    private readonly bool[] _assigned;

    private readonly int[] _need;
    private readonly bool[] _currentOutside;
    private readonly List<int>[] _bidExperts;
    private readonly List<int>[] _expertBids;
    private readonly List<int>[] _eligibleBids;
    private readonly int[] _load;
    private readonly int[] _capacity;
    private readonly int[] _bidOrder;

    // Scratch space for the searches.
    private readonly int[] _previous;
    private readonly int[] _via;
    private readonly bool[] _visited;
    private readonly int[] _queue;

    public PlannerState(AssignmentRequest request)
    {
        var allExperts = request.Experts.OrderBy(e => e.ExpertId).ToArray();
        for (var i = 1; i < allExperts.Length; i++)
        {
            if (allExperts[i].ExpertId == allExperts[i - 1].ExpertId)
            {
                throw new ArgumentException($"Expert {allExperts[i].ExpertId} appears twice in the pool.", nameof(request));
            }
        }

        _bids = [.. request.Bids.OrderBy(b => b.BidId.Value)];
        for (var i = 1; i < _bids.Length; i++)
        {
            if (_bids[i].BidId == _bids[i - 1].BidId)
            {
                throw new ArgumentException($"Bid {_bids[i].BidId.Value} appears twice.", nameof(request));
            }
        }

        _experts = [.. allExperts.Where(e => request.CallArea is not { } area || e.Areas.Contains(area))];
        _expertCount = _experts.Length;
        var bidCount = _bids.Length;

        _eligible = new bool[bidCount * _expertCount];
        _outside = new bool[bidCount * _expertCount];
        _assigned = new bool[bidCount * _expertCount];
        _need = new int[bidCount];
        _currentOutside = new bool[bidCount];
        _bidExperts = new List<int>[bidCount];
        _expertBids = new List<int>[_expertCount];
        _eligibleBids = new List<int>[_expertCount];
        _load = new int[_expertCount];
        _capacity = new int[_expertCount];
        _previous = new int[_expertCount];
        _via = new int[_expertCount];
        _visited = new bool[_expertCount];
        _queue = new int[_expertCount];

        var conflicts = new HashSet<OrganizationId>[_expertCount];
        var regions = new HashSet<RegionId>[_expertCount];
        for (var e = 0; e < _expertCount; e++)
        {
            conflicts[e] = [.. _experts[e].ConflictedOrganizations];
            regions[e] = [.. _experts[e].Regions];
            _load[e] = _experts[e].CurrentLoad;
            _capacity[e] = _experts[e].Capacity;
            _expertBids[e] = [];
            _eligibleBids[e] = [];
        }

        var everyone = allExperts.ToDictionary(e => e.ExpertId);
        var eligibleCount = new int[bidCount];
        for (var b = 0; b < bidCount; b++)
        {
            var bid = _bids[b];
            var current = bid.CurrentExperts.ToHashSet();
            var blocked = new HashSet<Guid>(current);
            blocked.UnionWith(bid.ExcludedExperts);

            _need[b] = Math.Max(0, request.ExpertsPerBid - current.Count);
            _bidExperts[b] = new List<int>(_need[b]);
            _currentOutside[b] = bid.RegionId is not { } region
                || current.Any(id => everyone.TryGetValue(id, out var expert) && !expert.Regions.Contains(region));

            for (var e = 0; e < _expertCount; e++)
            {
                var cell = (b * _expertCount) + e;
                _outside[cell] = bid.RegionId is not { } r || !regions[e].Contains(r);
                _eligible[cell] = !blocked.Contains(_experts[e].ExpertId) && !conflicts[e].Contains(bid.OrganizationId);
                if (_eligible[cell])
                {
                    eligibleCount[b]++;
                    _eligibleBids[e].Add(b);
                }
            }
        }

        // Most constrained bids first, so that the flexible experts are still free when they are the only choice.
        _bidOrder = [.. Enumerable.Range(0, bidCount).OrderBy(b => eligibleCount[b]).ThenBy(b => b)];
    }

    /// <summary>Round by round, gives every bid that still needs one the least loaded eligible expert, an outsider first if it lacks one.</summary>
    public void FillGreedily()
    {
        var rounds = _need.Length == 0 ? 0 : _need.Max();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var b in _bidOrder)
            {
                if (_bidExperts[b].Count >= _need[b])
                {
                    continue;
                }

                var wantOutsider = !HasOutsider(b);
                var best = -1;
                for (var e = 0; e < _expertCount; e++)
                {
                    if (!CanJoin(b, e) || Spare(e) <= 0)
                    {
                        continue;
                    }

                    if (best < 0 || IsBetterPick(b, e, best, wantOutsider))
                    {
                        best = e;
                    }
                }

                if (best >= 0)
                {
                    Assign(b, best);
                }
            }
        }
    }

    /// <summary>Fills the places the greedy pass left empty through chains: a full expert leaves another bid for this one, and so on, until an expert with spare capacity takes the last place.</summary>
    public void FillByAugmentingChains()
    {
        foreach (var b in _bidOrder)
        {
            while (_bidExperts[b].Count < _need[b] && TryAugment(b))
            {
            }
        }
    }

    /// <summary>
    /// Alternates the balancing and the region repair until the repair finds nothing more. Balancing never takes a bid's outsider away
    /// and every repair gives one more bid an outsider, so there are at most bids + 1 rounds; the bound is also enforced.
    /// </summary>
    public void RepairRegionsAndBalance()
    {
        for (var round = 0; round <= _bids.Length; round++)
        {
            Balance();
            if (!RepairRegions())
            {
                return;
            }
        }
    }

    public AssignmentPlan ToPlan()
    {
        var assignments = new List<PlannedAssignment>();
        var shortages = new List<AssignmentShortage>();
        for (var b = 0; b < _bids.Length; b++)
        {
            var experts = _bidExperts[b];
            experts.Sort();
            foreach (var e in experts)
            {
                assignments.Add(new PlannedAssignment(_bids[b].BidId, _experts[e].ExpertId));
            }

            if (experts.Count < _need[b])
            {
                shortages.Add(new AssignmentShortage(_bids[b].BidId, _need[b] - experts.Count));
            }
        }

        return new AssignmentPlan(assignments, shortages);
    }

    private bool IsBetterPick(int b, int e, int best, bool wantOutsider)
    {
        if (wantOutsider && Outside(b, e) != Outside(b, best))
        {
            return Outside(b, e);
        }

        // Lower load first; the lower index (smaller id) wins ties because experts are visited in id order.
        return _load[e] < _load[best];
    }

    private bool TryAugment(int source)
    {
        Array.Fill(_visited, false);
        int head = 0, tail = 0;
        for (var e = 0; e < _expertCount; e++)
        {
            if (CanJoin(source, e))
            {
                _visited[e] = true;
                _previous[e] = -1;
                _via[e] = source;
                _queue[tail++] = e;
            }
        }

        while (head < tail)
        {
            var x = _queue[head++];
            if (Spare(x) > 0)
            {
                // x joins _via[x]; its predecessor leaves that bid and joins its own _via; and so on back to the source.
                for (var node = x; node >= 0; node = _previous[node])
                {
                    if (_previous[node] >= 0)
                    {
                        Unassign(_via[node], _previous[node]);
                    }

                    Assign(_via[node], node);
                }

                return true;
            }

            foreach (var b in _expertBids[x])
            {
                for (var y = 0; y < _expertCount; y++)
                {
                    if (!_visited[y] && CanJoin(b, y))
                    {
                        _visited[y] = true;
                        _previous[y] = x;
                        _via[y] = b;
                        _queue[tail++] = y;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>For each bid without an outsider: swap one of its experts with an outsider on another bid, else replace one with an outsider who has spare capacity.</summary>
    private bool RepairRegions()
    {
        var changed = false;
        foreach (var b in _bidOrder)
        {
            if (_bidExperts[b].Count == 0 || HasOutsider(b))
            {
                continue;
            }

            changed |= TrySwapInOutsider(b) || TryReplaceWithOutsider(b);
        }

        return changed;
    }

    private bool TrySwapInOutsider(int b)
    {
        for (var o = 0; o < _expertCount; o++)
        {
            if (!Outside(b, o) || !CanJoin(b, o))
            {
                continue;
            }

            foreach (var other in _expertBids[o])
            {
                foreach (var local in _bidExperts[b])
                {
                    if (CanJoin(other, local) && KeepsOutsider(other, o, local))
                    {
                        Unassign(b, local);
                        Unassign(other, o);
                        Assign(b, o);
                        Assign(other, local);
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private bool TryReplaceWithOutsider(int b)
    {
        var outsider = -1;
        for (var o = 0; o < _expertCount; o++)
        {
            if (Outside(b, o) && CanJoin(b, o) && Spare(o) > 0 && (outsider < 0 || _load[o] < _load[outsider]))
            {
                outsider = o;
            }
        }

        if (outsider < 0)
        {
            return false;
        }

        var local = -1;
        foreach (var e in _bidExperts[b])
        {
            if (local < 0 || _load[e] > _load[local] || (_load[e] == _load[local] && e < local))
            {
                local = e;
            }
        }

        Unassign(b, local);
        Assign(b, outsider);
        return true;
    }

    /// <summary>Moves one assignment at a time from a busier expert to one with spare capacity whose load is at least two lower, until no such move exists.</summary>
    private void Balance()
    {
        while (TryTransfer())
        {
        }
    }

    private bool TryTransfer()
    {
        var busiest = int.MinValue;
        var levels = new SortedSet<int>();
        for (var e = 0; e < _expertCount; e++)
        {
            if (_expertBids[e].Count > 0)
            {
                busiest = Math.Max(busiest, _load[e]);
            }

            if (Spare(e) > 0)
            {
                levels.Add(_load[e]);
            }
        }

        foreach (var level in levels)
        {
            if (busiest < level + 2)
            {
                return false;
            }

            if (TryTransferTo(level))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A search backwards from every expert with spare capacity at <paramref name="level"/>: an expert x reaches y when x holds a bid that
    /// y may take. The busiest expert found with a load of at least level + 2 hands one assignment down the chain.
    /// </summary>
    private bool TryTransferTo(int level)
    {
        Array.Fill(_visited, false);
        int head = 0, tail = 0;
        for (var e = 0; e < _expertCount; e++)
        {
            if (Spare(e) > 0 && _load[e] == level)
            {
                _visited[e] = true;
                _previous[e] = -1;
                _queue[tail++] = e;
            }
        }

        while (head < tail)
        {
            var y = _queue[head++];
            foreach (var b in _eligibleBids[y])
            {
                if (IsAssigned(b, y))
                {
                    continue;
                }

                foreach (var x in _bidExperts[b])
                {
                    if (!_visited[x] && KeepsOutsider(b, x, y))
                    {
                        _visited[x] = true;
                        _previous[x] = y;
                        _via[x] = b;
                        _queue[tail++] = x;
                    }
                }
            }
        }

        var donors = new List<int>();
        for (var i = 0; i < tail; i++)
        {
            var x = _queue[i];
            if (_previous[x] >= 0 && _load[x] >= level + 2)
            {
                donors.Add(x);
            }
        }

        donors.Sort((l, r) => l == r ? 0 : _load[l] != _load[r] ? _load[r].CompareTo(_load[l]) : l.CompareTo(r));
        foreach (var donor in donors)
        {
            if (TryApplyChain(donor))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Applies the chain from <paramref name="donor"/> to a receiver; undoes it if a bid on the chain twice lost its outsider.</summary>
    private bool TryApplyChain(int donor)
    {
        var steps = new List<(int Bid, int Leaves, int Joins)>();
        for (var x = donor; _previous[x] >= 0; x = _previous[x])
        {
            steps.Add((_via[x], x, _previous[x]));
        }

        var before = steps.Select(s => (s.Bid, Had: HasOutsider(s.Bid))).Distinct().ToList();
        foreach (var (bid, leaves, joins) in steps)
        {
            Unassign(bid, leaves);
            Assign(bid, joins);
        }

        if (before.All(s => !s.Had || HasOutsider(s.Bid)))
        {
            return true;
        }

        for (var i = steps.Count - 1; i >= 0; i--)
        {
            Unassign(steps[i].Bid, steps[i].Joins);
            Assign(steps[i].Bid, steps[i].Leaves);
        }

        return false;
    }

    /// <summary>Whether bid b, if it has an outsider now, still has one after <paramref name="leaves"/> gives its place to <paramref name="joins"/>.</summary>
    private bool KeepsOutsider(int b, int leaves, int joins)
    {
        if (_currentOutside[b] || Outside(b, joins) || !Outside(b, leaves))
        {
            return true;
        }

        foreach (var e in _bidExperts[b])
        {
            if (e != leaves && Outside(b, e))
            {
                return true;
            }
        }

        // The leaving expert is the bid's only outsider and the one joining is local.
        return false;
    }

    private bool HasOutsider(int b)
    {
        if (_currentOutside[b])
        {
            return true;
        }

        foreach (var e in _bidExperts[b])
        {
            if (Outside(b, e))
            {
                return true;
            }
        }

        return false;
    }

    private bool CanJoin(int b, int e) => _eligible[(b * _expertCount) + e] && !_assigned[(b * _expertCount) + e];

    private bool Outside(int b, int e) => _outside[(b * _expertCount) + e];

    private bool IsAssigned(int b, int e) => _assigned[(b * _expertCount) + e];

    private int Spare(int e) => _capacity[e] - _load[e];

    private void Assign(int b, int e)
    {
        _assigned[(b * _expertCount) + e] = true;
        _bidExperts[b].Add(e);
        _expertBids[e].Add(b);
        _load[e]++;
    }

    private void Unassign(int b, int e)
    {
        _assigned[(b * _expertCount) + e] = false;
        _bidExperts[b].Remove(e);
        _expertBids[e].Remove(b);
        _load[e]--;
    }
}
