using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Evaluation;
using SocialOrder.Application.Evaluation.ConfirmAssignments;
using SocialOrder.Application.Evaluation.DeclareConflict;
using SocialOrder.Application.Evaluation.GetEvaluationDashboard;
using SocialOrder.Application.Evaluation.GetMyAssignments;
using SocialOrder.Application.Evaluation.GetObservedCall;
using SocialOrder.Application.Evaluation.GetObservedCalls;
using SocialOrder.Application.Evaluation.ProposeAssignments;
using SocialOrder.Application.Evaluation.SubmitScoreSheet;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>The evaluation end to end through the use cases: propose, confirm, declare, score, aggregate, rank.</summary>
public sealed class EvaluationFlowTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static ClaimsPrincipal Official(Guid body) => PortalFactory.Principal(Guid.NewGuid(), "official@socialorder.kz", body, Roles.Official);

    private static ClaimsPrincipal Expert(Guid id) => PortalFactory.Principal(id, $"{id}@load.test", Roles.Expert);

    private static IReadOnlyList<CriterionScore> Scores(Call call, int points) =>
        [.. call.Criteria.Select(c => new CriterionScore(c.Code, Math.Min(points, c.MaxPoints), new string('о', 100)))];

    private async Task<Call> CallAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var callId = new CallId(id);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Calls.AsNoTracking().SingleAsync(c => c.Id == callId);
    }

    [Fact]
    public async Task ProposeConfirmDeclareScore_RanksTheBids()
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, bids: 4, experts: 6, sheetsPerBid: 0, CancellationToken.None);
        var official = Official(seeded.OfficialStateBodyId);
        var call = await CallAsync(seeded.CallId);

        var proposed = await app.SendAsync(new ProposeAssignmentsCommand(seeded.CallId), official);
        Assert.True(proposed.IsSuccess, string.Join(",", proposed.Errors.Select(e => e.Code)));
        Assert.Equal(12, proposed.Value.Proposed);
        Assert.Empty(proposed.Value.Shortages);
        var confirmed = await app.SendAsync(new ConfirmAssignmentsCommand(seeded.CallId), official);
        Assert.Equal(12, confirmed.Value);

        var points = 3;
        var before = await app.SendAsync(new GetEvaluationDashboardQuery(seeded.CallId), official);
        foreach (var expert in before.Value.Evaluation.Bids.SelectMany(b => b.Assignments).Select(a => a.ExpertId).Distinct())
        {
            foreach (var a in (await app.SendAsync(new GetMyAssignmentsQuery(), Expert(expert))).Where(a => a.CallReference == seeded.Reference))
            {
                Assert.True((await app.SendAsync(new DeclareConflictCommand(a.AssignmentId, false, null), Expert(expert))).IsSuccess);
                var submitted = await app.SendAsync(new SubmitScoreSheetCommand(a.AssignmentId, Scores(call, points++ % 10)), Expert(expert));
                Assert.True(submitted.IsSuccess, string.Join(",", submitted.Errors.Select(e => e.Code)));
            }
        }

        var dashboard = await app.SendAsync(new GetEvaluationDashboardQuery(seeded.CallId), official);
        Assert.True(dashboard.IsSuccess);
        var evaluation = dashboard.Value.Evaluation;
        Assert.All(evaluation.Bids, b => Assert.True(b.Aggregate is not null, $"{b.State} {b.LiveAssignments} {b.SubmittedSheets} {string.Join(";", b.Assignments.Select(a => $"{a.Status}/{a.Sheet}"))}"));
        Assert.Equal(evaluation.Ranking.Count + evaluation.Bids.Count(b => b.State == EvaluationState.Divergent), evaluation.Bids.Count);
        Assert.Equal(Enumerable.Range(1, evaluation.Ranking.Count), evaluation.Ranking.Select(r => r.Rank!.Value));
        Assert.True(evaluation.Ranking.Zip(evaluation.Ranking.Skip(1)).All(p => p.First.Aggregate!.Total >= p.Second.Aggregate!.Total));
    }

    [Fact]
    public async Task Dashboard_OfAnotherStateBody_IsNotFound()
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, bids: 1, experts: 3, sheetsPerBid: 0, CancellationToken.None);
        var result = await app.SendAsync(new GetEvaluationDashboardQuery(seeded.CallId), Official(Guid.NewGuid()));
        Assert.Equal(ResultStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task Observer_OfTheBody_ReadsProgressAndScoresWithoutNames_AnotherBodysObserverGetsNotFound()
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, bids: 2, experts: 4, sheetsPerBid: 3, CancellationToken.None);
        var observer = PortalFactory.Principal(Guid.NewGuid(), "observer@socialorder.kz", seeded.OfficialStateBodyId, Roles.Observer);
        var stranger = PortalFactory.Principal(Guid.NewGuid(), "other@socialorder.kz", Guid.NewGuid(), Roles.Observer);

        var seen = await app.SendAsync(new GetObservedCallQuery(seeded.CallId), observer);
        var refused = await app.SendAsync(new GetObservedCallQuery(seeded.CallId), stranger);
        var listed = await app.SendAsync(new GetObservedCallsQuery(), observer);

        Assert.True(seen.IsSuccess);
        Assert.Equal(2, seen.Value.Evaluation.Ranking.Count);
        Assert.All(seen.Value.Evaluation.Bids.SelectMany(b => b.Assignments), a => Assert.Equal((Guid.Empty, string.Empty), (a.ExpertId, a.ExpertName)));
        Assert.Empty(seen.Value.Evaluation.Experts);
        Assert.Equal(ResultStatus.NotFound, refused.Status);
        Assert.Contains(listed.Items, c => c.Id == seeded.CallId);
    }
}
