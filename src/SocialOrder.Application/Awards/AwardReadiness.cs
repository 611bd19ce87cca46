using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Awards;

internal static class AwardReadiness
{
    /// <summary>Awards come only after the deadline, with every eligible bid fully scored and no divergence left unresolved.</summary>
    public static IReadOnlyList<string> Problems(Call call, CallEvaluationResult evaluation, DateTimeOffset now)
    {
        var p = new List<string>();
        if (call.Status == CallStatus.Awarded)
        {
            return p;
        }

        if (call.PhaseAt(now) != CallPhase.Closed)
        {
            p.Add("Rule.AwardOnlyClosedCall");
        }

        if (evaluation.Unchecked > 0)
        {
            p.Add("Award.EligibilityUnchecked");
        }

        if (evaluation.Bids.Any(b => b.State is EvaluationState.Unassigned or EvaluationState.InProgress))
        {
            p.Add("Award.SheetsOutstanding");
        }

        if (evaluation.Bids.Any(b => b.State == EvaluationState.Divergent))
        {
            p.Add("Award.DivergenceUnresolved");
        }

        return p;
    }

    public static IReadOnlyList<AllocationCandidate> Candidates(CallEvaluationResult evaluation, IReadOnlyDictionary<Guid, IReadOnlyDictionary<int, decimal>> perYear) =>
        [.. evaluation.Ranking.Select(b => new AllocationCandidate(
            new BidId(b.BidId), b.Rank!.Value, b.Requested, b.Aggregate!.IsFundable, perYear.TryGetValue(b.BidId, out var y) ? y : new Dictionary<int, decimal>()))];

    /// <summary>For a long-term call: each bid's requested amount per project year, from the submitted budget lines.</summary>
    internal static async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<int, decimal>>> RequestedPerYearAsync(
        IAppDbContext db, Call call, CallEvaluationResult evaluation, CancellationToken cancellationToken)
    {
        if (call.YearlyBudgets.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyDictionary<int, decimal>>();
        }

        var ids = evaluation.Ranking.Select(b => new BidId(b.BidId)).ToList();
        var rows = await (from b in db.Bids.AsNoTracking()
                          join s in db.BidSubmissions.AsNoTracking() on b.Id equals s.BidId
                          where ids.Contains(b.Id) && s.Version == b.SubmissionCount
                          select new { b.Id, s.ContentJson }).ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.Id.Value,
            r => SubmittedContent.Parse(r.ContentJson).RequestedPerYear());
    }
}
