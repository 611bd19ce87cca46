using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Calls;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Evaluation.GetEvaluationDashboard;

public sealed record ExpertChoice(Guid Id, string FullName);

/// <summary>
/// The official's evaluation dashboard: progress per bid and per expert, flags, the ranking and per-expert statistics.
/// Scores of a bid are in the model only once all its live sheets are in (the aggregate is null before that).
/// </summary>
public sealed record EvaluationDashboard(CallEvaluationResult Evaluation, CallPhase Phase, int Proposed, IReadOnlyList<ExpertChoice> Experts, DateTimeOffset Now);

/// <remarks>
/// Not <see cref="IAuditable"/>: a read that every official repeats should not queue behind the audit chain's lock.
/// A refused opening (another body's call) is what matters, and that is appended to the audit trail here.
/// </remarks>
/// <param name="Tab">"bids", "ranking" or "experts": only what that tab shows is computed (statistics, expert choices).</param>
public sealed record GetEvaluationDashboardQuery(Guid CallId, string Tab = "bids") : IQuery<Result<EvaluationDashboard>>;

public sealed class GetEvaluationDashboardQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IAuditLog audit)
    : IQueryHandler<GetEvaluationDashboardQuery, Result<EvaluationDashboard>>
{
    public async ValueTask<Result<EvaluationDashboard>> Handle(GetEvaluationDashboardQuery query, CancellationToken cancellationToken)
    {
        var call = await db.FindOwnCallAsync(user, query.CallId, cancellationToken);
        if (call is null)
        {
            await audit.AppendAsync(new AuditEntry(nameof(GetEvaluationDashboardQuery), "Call", query.CallId.ToString(), "NotFound", "Error.NotFound"), CancellationToken.None);
            return Result<EvaluationDashboard>.NotFound();
        }

        var evaluation = await CallEvaluation.ComputeAsync(db, call, cancellationToken, withStatistics: query.Tab == "experts");
        var experts = query.Tab != "bids" ? [] : await db.ExpertProfiles.AsNoTracking().Where(e => e.Status == ExpertStatus.Approved).OrderBy(e => e.FullName)
            .Select(e => new ExpertChoice(e.UserId, e.FullName)).Take(1000).ToListAsync(cancellationToken);
        var proposed = evaluation.Bids.Sum(b => b.Assignments.Count(a => a.Status == AssignmentStatus.Proposed));
        var now = time.GetUtcNow();
        return new EvaluationDashboard(evaluation, call.PhaseAt(now), proposed, experts, now);
    }
}
