using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Evaluation.GetObservedCall;

/// <summary>
/// What an observer of the call's state body reads: the evaluation's progress, flags and ranking — scores only once
/// every live sheet of a bid is in, and never the experts' names — and the decision's state. Read-only by design.
/// </summary>
public sealed record ObservedCall(CallEvaluationResult Evaluation, CallPhase Phase, DecisionStatus? Decision, string? ProtocolNumber);

public sealed record GetObservedCallQuery(Guid CallId) : IQuery<Result<ObservedCall>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Call", CallId.ToString());
}

public sealed class GetObservedCallQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<GetObservedCallQuery, Result<ObservedCall>>
{
    public async ValueTask<Result<ObservedCall>> Handle(GetObservedCallQuery query, CancellationToken cancellationToken)
    {
        if (user.StateBodyId is not { } body || !user.IsInRole(Roles.Observer))
        {
            return Result<ObservedCall>.NotFound();
        }

        var id = new CallId(query.CallId);
        var bodyId = new StateBodyId(body);
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.StateBodyId == bodyId && c.Status != CallStatus.Draft, cancellationToken);
        if (call is null)
        {
            return Result<ObservedCall>.NotFound();
        }

        var evaluation = await CallEvaluation.ComputeAsync(db, call, cancellationToken);

        // Anonymised: the observer sees that a sheet exists and its state, never whose it is.
        var anonymous = evaluation with
        {
            Bids = [.. evaluation.Bids.Select(b => b with { Assignments = [.. b.Assignments.Select((a, i) => a with { ExpertId = Guid.Empty, ExpertName = string.Empty, DeclineReason = null, ConflictStatement = null })] })],
            Ranking = [.. evaluation.Ranking.Select(b => b with { Assignments = [] })],
            Experts = [],
        };
        var decision = await db.AwardDecisions.AsNoTracking().Where(d => d.CallId == id).Select(d => new { d.Status, d.ProtocolNumber }).SingleOrDefaultAsync(cancellationToken);
        return new ObservedCall(anonymous, call.PhaseAt(time.GetUtcNow()), decision?.Status, decision?.ProtocolNumber);
    }
}
