using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Awards;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Calls;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Awards.GetAwardPage;

public sealed record CommissionCandidate(Guid UserId, string FullName, bool IsObserver);

public sealed record DecisionRow(DecisionLine Line, BidEvaluation Bid);

/// <summary>The commission page of a call: readiness, the commission, the draft or locked decision and its problems.</summary>
public sealed record AwardPage(
    Call Call, CallEvaluationResult Evaluation, IReadOnlyList<string> Readiness, IReadOnlyList<CommissionCandidate> Candidates, AwardDecision? Decision,
    IReadOnlyList<DecisionRow> Rows, IReadOnlyList<string> ConfirmationProblems, bool IsSecretary);

public sealed record GetAwardPageQuery(Guid CallId) : IQuery<Result<AwardPage>>;

public sealed class GetAwardPageQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<GetAwardPageQuery, Result<AwardPage>>
{
    public async ValueTask<Result<AwardPage>> Handle(GetAwardPageQuery query, CancellationToken cancellationToken)
    {
        var call = await db.FindOwnCallAsync(user, query.CallId, cancellationToken);
        if (call is null)
        {
            return Result<AwardPage>.NotFound();
        }

        var evaluation = await CallEvaluation.ComputeAsync(db, call, cancellationToken);
        var callId = call.Id;
        var decision = await db.AwardDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.CallId == callId, cancellationToken);
        var bodyId = user.StateBodyId;
        var staff = await db.QueryUsers(null).Where(u => u.StateBodyId == bodyId).OrderBy(u => u.FullName)
            .Select(u => new { u.Id, u.FullName, u.Roles }).Take(200).ToListAsync(cancellationToken);
        var candidates = staff.Where(s => s.Roles.Contains(Roles.Official) || s.Roles.Contains(Roles.Observer))
            .Select(s => new CommissionCandidate(s.Id, s.FullName, !s.Roles.Contains(Roles.Official))).ToList();
        var byBid = evaluation.Bids.ToDictionary(b => b.BidId);
        var rows = decision?.Lines.OrderBy(l => l.Rank).Where(l => byBid.ContainsKey(l.BidId.Value)).Select(l => new DecisionRow(l, byBid[l.BidId.Value])).ToList() ?? [];
        return new AwardPage(
            call, evaluation, AwardReadiness.Problems(call, evaluation, time.GetUtcNow()), candidates, decision, rows,
            decision?.ConfirmationProblems() ?? [], decision?.Members.Any(m => m.UserId == user.Id && m.Role == CommissionRole.Secretary) == true);
    }
}
