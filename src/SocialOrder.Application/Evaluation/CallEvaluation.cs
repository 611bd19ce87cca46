using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Evaluation;

/// <summary>Where a bid stands in the evaluation.</summary>
public enum EvaluationState
{
    /// <summary>Not enough live assignments yet.</summary>
    Unassigned,

    /// <summary>Some assigned sheets are not submitted.</summary>
    InProgress,

    /// <summary>All sheets are in, spread above the threshold, neither an additional expert's sheet nor a reconciliation yet.</summary>
    Divergent,

    /// <summary>All sheets are in and the bid can be ranked.</summary>
    Scored,
}

public sealed record AssignmentLine(
    Guid AssignmentId, Guid ExpertId, string ExpertName, AssignmentStatus Status, SheetStatus Sheet, bool IsAdditional, DateTimeOffset? DueAt,
    DateTimeOffset? SubmittedAt, string? DeclineReason, string? ConflictStatement, int ReopenCount);

/// <summary>One eligible bid's evaluation: who scores it, and (once every live sheet is in) the aggregate, flags and rank.</summary>
public sealed record BidEvaluation(
    Guid BidId, Guid OrganizationId, string ReceiptNumber, LocalizedText Organization, string Bin, decimal Requested, DateTimeOffset ReceivedAt,
    IReadOnlyList<AssignmentLine> Assignments, EvaluationState State, BidAggregate? Aggregate, ReconciliationDecision? Reconciliation,
    bool ResolvedByAdditionalExpert, int? Rank)
{
    public int LiveAssignments => Assignments.Count(a => a.Status is AssignmentStatus.Proposed or AssignmentStatus.Assigned or AssignmentStatus.Accepted);

    public int SubmittedSheets => Assignments.Count(a => a.Sheet == SheetStatus.Submitted && a.Status == AssignmentStatus.Accepted);

    public bool IsDivergent => Aggregate?.Divergent == true;
}

public sealed record ExpertStatistics(Guid ExpertId, string ExpertName, int Assigned, int Submitted, int Pending, decimal? MeanTotal, decimal? MeanDeviation, decimal? MeanAbsoluteDeviation);

public sealed record CallEvaluationResult(
    Call Call, int Submitted, int Unchecked, int Ineligible, IReadOnlyList<BidEvaluation> Bids, IReadOnlyList<BidEvaluation> Ranking,
    IReadOnlyList<ExpertStatistics> Experts)
{
    public bool AllSheetsIn => Bids.Count > 0 && Bids.All(b => b.State is EvaluationState.Scored or EvaluationState.Divergent);
}

/// <summary>
/// Reads a call's eligible bids and their assignments in three queries and computes everything the dashboard,
/// the ranking and the award decision need: per bid the aggregate (only when every live sheet is in), flags,
/// state and rank; per expert their statistics against the others.
/// </summary>
public static class CallEvaluation
{
    public static async Task<CallEvaluationResult> ComputeAsync(IAppDbContext db, Call call, CancellationToken cancellationToken, bool withStatistics = true)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(call);
        var callId = call.Id;
        var bids = await (from b in db.Bids.AsNoTracking()
                          join o in db.Organizations.AsNoTracking() on b.OrganizationId equals o.Id
                          join s in db.BidSubmissions.AsNoTracking() on b.Id equals s.BidId
                          where b.CallId == callId && b.Status == BidStatus.Submitted && s.Version == b.SubmissionCount
                          select new { b.Id, b.OrganizationId, b.Eligibility, b.Reconciliation, o.Name, o.Bin, s.ReceiptNumber, s.SubmittedAt, s.RequestedAmount })
            .ToListAsync(cancellationToken);
        var assignments = await db.ExpertAssignments.AsNoTracking().Where(a => a.CallId == callId).OrderBy(a => a.ProposedAt).ToListAsync(cancellationToken);
        var expertIds = assignments.Select(a => a.ExpertId).Distinct().ToList();
        var names = await db.ExpertProfiles.AsNoTracking().Where(e => expertIds.Contains(e.UserId)).ToDictionaryAsync(e => e.UserId, e => e.FullName, cancellationToken);
        var byBid = assignments.ToLookup(a => a.BidId);

        var evaluations = new List<BidEvaluation>();
        foreach (var b in bids.Where(b => b.Eligibility is { Eligible: true }).OrderBy(b => b.SubmittedAt))
        {
            var mine = byBid[b.Id].ToList();
            var lines = mine.Select(a => new AssignmentLine(
                a.Id, a.ExpertId, names.GetValueOrDefault(a.ExpertId, string.Empty), a.Status, a.SheetStatus, a.IsAdditional, a.DueAt, a.SubmittedAt,
                a.DeclineReason, a.Declaration is { HasConflict: true } d ? d.Statement : null, a.History.Count)).ToList();
            var live = mine.Where(a => a.IsActive).ToList();
            var submitted = live.Where(a => a.SheetStatus == SheetStatus.Submitted).ToList();
            BidAggregate? aggregate = null;
            var additionalIn = submitted.Any(a => a.IsAdditional);
            EvaluationState state;
            if (live.Count < call.ExpertsPerBid && submitted.Count < call.ExpertsPerBid)
            {
                state = live.All(a => a.Status == AssignmentStatus.Proposed) ? EvaluationState.Unassigned : EvaluationState.InProgress;
            }
            else if (live.All(a => a.Status == AssignmentStatus.Proposed))
            {
                // Proposed but not confirmed: nobody has been told yet.
                state = EvaluationState.Unassigned;
            }
            else if (live.Any(a => a.SheetStatus != SheetStatus.Submitted))
            {
                state = EvaluationState.InProgress;
            }
            else
            {
                aggregate = ScoreAggregator.Aggregate(call.Criteria, call.MinimumTotalScore, call.DivergenceThreshold, submitted.Select(Sheet).ToList());
                state = aggregate.Divergent && !additionalIn && b.Reconciliation is null ? EvaluationState.Divergent : EvaluationState.Scored;
            }

            evaluations.Add(new BidEvaluation(
                b.Id.Value, b.OrganizationId.Value, b.ReceiptNumber, b.Name, b.Bin.Value, b.RequestedAmount, b.SubmittedAt, lines, state, aggregate,
                b.Reconciliation, additionalIn, null));
        }

        var ranked = Ranking.Rank(evaluations.Where(e => e.State == EvaluationState.Scored)
            .Select(e => new RankingEntry(new BidId(e.BidId), e.Aggregate!.Total, e.Aggregate.Means.Select(m => m.Mean).ToList(), e.ReceivedAt)));
        var ranks = ranked.ToDictionary(r => r.Entry.BidId.Value, r => r.Rank);
        evaluations = [.. evaluations.Select(e => ranks.TryGetValue(e.BidId, out var rank) ? e with { Rank = rank } : e)];
        var ranking = evaluations.Where(e => e.Rank is not null).OrderBy(e => e.Rank).ToList();

        return new CallEvaluationResult(
            call, bids.Count, bids.Count(b => b.Eligibility is null), bids.Count(b => b.Eligibility is { Eligible: false }), evaluations, ranking,
            withStatistics ? Statistics(call, assignments, evaluations.Where(e => e.Aggregate is not null).Select(e => e.BidId).ToHashSet(), names) : []);
    }

    public static SheetScores Sheet(ExpertAssignment a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new SheetScores(a.ExpertId, a.Scores.Where(s => s.Points is not null).ToDictionary(s => s.Code, s => s.Points!.Value));
    }

    /// <summary>
    /// Each expert's mean total and how far it sits, on average, from the other experts' totals on the same bids — over
    /// complete bids only, so the statistics never reveal a score before every sheet of that bid is in.
    /// </summary>
    private static List<ExpertStatistics> Statistics(Call call, List<ExpertAssignment> assignments, HashSet<Guid> completeBids, Dictionary<Guid, string> names)
    {
        var sealedSheets = assignments.Where(a => a.Status == AssignmentStatus.Accepted && a.SheetStatus == SheetStatus.Submitted && completeBids.Contains(a.BidId.Value))
            .Select(a => (a.ExpertId, a.BidId, Total: ScoreAggregator.Aggregate(call.Criteria, 0, decimal.MaxValue, [Sheet(a)]).Total)).ToList();
        var perBid = sealedSheets.ToLookup(s => s.BidId);
        return assignments.GroupBy(a => a.ExpertId).Select(g =>
        {
            var own = sealedSheets.Where(s => s.ExpertId == g.Key).ToList();
            var deviations = own.Select(s => (s, others: perBid[s.BidId].Where(o => o.ExpertId != g.Key).ToList()))
                .Where(x => x.others.Count > 0)
                .Select(x => x.s.Total - x.others.Average(o => o.Total)).ToList();
            return new ExpertStatistics(
                g.Key, names.GetValueOrDefault(g.Key, string.Empty), g.Count(a => a.IsActive), g.Count(a => a.IsActive && a.SheetStatus == SheetStatus.Submitted), g.Count(a => a.IsPending),
                own.Count == 0 ? null : Math.Round(own.Average(s => s.Total), 2, MidpointRounding.AwayFromZero),
                deviations.Count == 0 ? null : Math.Round(deviations.Average(), 2, MidpointRounding.AwayFromZero),
                deviations.Count == 0 ? null : Math.Round(deviations.Average(Math.Abs), 2, MidpointRounding.AwayFromZero));
        }).OrderBy(s => s.ExpertName).ThenBy(s => s.ExpertId).ToList();
    }
}
