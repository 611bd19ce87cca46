using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SocialOrder.EvaluationBenchmark;

// Two tools in one: with --url, a load script that signs in as the official of a portal on this machine and times
// the automatic assignment (POST Propose, then Discard to restore) and the ranking page; otherwise BenchmarkDotNet
// (any arguments it knows, e.g. --filter '*') on the pure AssignmentPlanner.Plan.
if (args.Contains("--url"))
{
    return await PortalRun.RunAsync(args);
}

// --check-plans: one plan of each benchmark case, to see that it is complete (assignments, shortages, loads).
if (args is ["--check-plans"])
{
    foreach (var kind in (PlannerPool[])[PlannerPool.Seeded, PlannerPool.Mixed])
    {
        foreach (var perBid in (int[])[3, 5])
        {
            var request = SyntheticPool.Create(500, 60, perBid, kind);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var plan = SocialOrder.Domain.Evaluation.AssignmentPlanner.Plan(request);
            watch.Stop();
            var loads = plan.Assignments.GroupBy(a => a.ExpertId).Select(g => g.Count()).ToList();
            Console.WriteLine(FormattableString.Invariant(
                $"{kind,-6} {perBid} per bid: {plan.Assignments.Count} assignments, {plan.Shortages.Count} short bids, {loads.Count} experts used, load {loads.Min()}–{loads.Max()}, {watch.Elapsed.TotalMilliseconds:0.0} ms (first run, JIT included)"));
        }
    }

    return 0;
}

// Results go under bin/ (ignored by git) rather than into the folder the command was started from.
var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(PlannerBenchmarks).Assembly).Run(args, config);
return 0;
