using System.Net;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Awards;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Awards.GetCallResults;

public sealed record ResultRow(int Rank, string ReceiptNumber, LocalizedText Organization, decimal Total, decimal Requested, AwardOutcome Outcome, decimal Awarded);

public sealed record CallResults(
    string ProtocolNumber, DateTimeOffset DecidedAt, decimal Budget, decimal TotalAwarded, IReadOnlyList<ResultRow> Rows, string DecisionSha256,
    string? ProtocolKkSha256, string? ProtocolRuSha256);

/// <summary>The published results of an awarded call, for everyone: winners, amounts, the ranking with totals, the protocol's hashes.</summary>
public sealed record GetCallResultsQuery(Guid CallId) : IQuery<CallResults?>;

public sealed class GetCallResultsQueryHandler(IAppDbContext db) : IQueryHandler<GetCallResultsQuery, CallResults?>
{
    public async ValueTask<CallResults?> Handle(GetCallResultsQuery query, CancellationToken cancellationToken)
    {
        var callId = new CallId(query.CallId);
        var decision = await db.AwardDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.CallId == callId && d.Status == DecisionStatus.Locked, cancellationToken);
        if (decision is null)
        {
            return null;
        }

        List<ResultRow> rows;
        if (decision.Results.Count > 0)
        {
            // Read from what the lock stored: no evaluation is recomputed per view.
            var locked = decision.Results.ToDictionary(r => r.BidId);
            rows = decision.Lines.OrderBy(l => l.Rank).Select(l =>
            {
                var r = locked[l.BidId];
                return new ResultRow(l.Rank, r.ReceiptNumber, r.Organization, r.Aggregate!.Total, l.Requested, l.Outcome, l.Amount);
            }).ToList();
        }
        else
        {
            // A decision locked before its results were stored with it.
            var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId, cancellationToken);
            var evaluation = await CallEvaluation.ComputeAsync(db, call, cancellationToken);
            var byBid = evaluation.Bids.ToDictionary(b => b.BidId);
            rows = decision.Lines.OrderBy(l => l.Rank).Select(l =>
            {
                var e = byBid[l.BidId.Value];
                return new ResultRow(l.Rank, e.ReceiptNumber, e.Organization, e.Aggregate!.Total, l.Requested, l.Outcome, l.Amount);
            }).ToList();
        }

        return new CallResults(decision.ProtocolNumber!, decision.LockedAt!.Value, decision.Budget, decision.Total, rows, decision.DecisionSha256!,
            decision.ProtocolKkSha256, decision.ProtocolRuSha256);
    }
}
