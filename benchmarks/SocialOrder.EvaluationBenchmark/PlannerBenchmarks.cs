using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.EvaluationBenchmark;

/// <summary>
/// The pure planner, in process: 500 bids and 60 experts, 3 or 5 experts per bid. A short run: the machine has two cores.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class PlannerBenchmarks
{
    private AssignmentRequest _request = null!;

    [Params(3, 5)]
    public int ExpertsPerBid { get; set; }

    [Params(PlannerPool.Seeded, PlannerPool.Mixed)]
    public PlannerPool Pool { get; set; }

    [GlobalSetup]
    public void Setup() => _request = SyntheticPool.Create(500, 60, ExpertsPerBid, Pool);

    [Benchmark]
    public AssignmentPlan Plan() => AssignmentPlanner.Plan(_request);
}

/// <summary>Which pool the synthetic request has.</summary>
public enum PlannerPool
{
    /// <summary>As `--seed-evaluation` makes it: every expert knows every area, one region each, capacity 100, no conflicts.</summary>
    Seeded,

    /// <summary>
    /// Harder: a fifth of the experts lack the call's area, capacities are tight (10–14 bids per expert place needed),
    /// and each expert has up to three conflicted organizations.
    /// </summary>
    Mixed,
}

/// <summary>Deterministic planner inputs (the same seed gives the same ids, regions and conflicts).</summary>
public static class SyntheticPool
{
    private static readonly PriorityAreaId CallArea = new(1);

    public static AssignmentRequest Create(int bids, int experts, int expertsPerBid, PlannerPool kind)
    {
        var random = new Random(20_261_127 + bids + experts + expertsPerBid);
        var organizations = Enumerable.Range(0, bids).Select(_ => new OrganizationId(NextGuid(random))).ToList();
        var plannerBids = organizations.Select((o, i) => new PlannerBid(
            new BidId(NextGuid(random)), o, new RegionId(1 + ((i + 1) % 20)), [], [])).ToList();
        var pool = Enumerable.Range(1, experts).Select(e =>
        {
            var id = NextGuid(random);
            var region = new RegionId(1 + (e % 20));
            if (kind == PlannerPool.Seeded)
            {
                return new PlannerExpert(id, AllAreas(), [region], ExpertProfile.MaxCapacity, 0, []);
            }

            var areas = Enumerable.Range(2, 11).Where(_ => random.NextDouble() < 0.3).Select(a => new PriorityAreaId(a)).ToList();
            if (random.NextDouble() < 0.8)
            {
                areas.Add(CallArea);
            }

            var capacity = random.Next(expertsPerBid * 10, (expertsPerBid * 14) + 1);
            var conflicts = Enumerable.Range(0, random.Next(0, 4)).Select(_ => organizations[random.Next(organizations.Count)]).Distinct().ToList();
            return new PlannerExpert(id, areas, [region, new RegionId(1 + ((e + 7) % 20))], capacity, 0, conflicts);
        }).ToList();
        return new AssignmentRequest(CallArea, expertsPerBid, plannerBids, pool);
    }

    private static List<PriorityAreaId> AllAreas() => [.. Enumerable.Range(1, 12).Select(a => new PriorityAreaId(a))];

    private static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
