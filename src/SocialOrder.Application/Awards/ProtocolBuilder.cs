using System.Net;
using Mediator;
using Microsoft.EntityFrameworkCore;
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

namespace SocialOrder.Application.Awards;

/// <summary>Turns a decision and the call's evaluation into exactly what the protocol states.</summary>
internal static class ProtocolBuilder
{
    public static async Task<AwardProtocolDocument> BuildAsync(
        IAppDbContext db, Call call, AwardDecision decision, CallEvaluationResult evaluation, string verificationUrl, CancellationToken cancellationToken)
    {
        var callId = call.Id;
        var body = await db.StateBodies.AsNoTracking().Where(b => b.Id == call.StateBodyId).Select(b => b.Name).SingleAsync(cancellationToken);
        var counts = await db.Bids.AsNoTracking().Where(b => b.CallId == callId && b.SubmissionCount > 0)
            .GroupBy(b => b.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var ineligible = await (from b in db.Bids.AsNoTracking()
                                join o in db.Organizations.AsNoTracking() on b.OrganizationId equals o.Id
                                join s in db.BidSubmissions.AsNoTracking() on b.Id equals s.BidId
                                where b.CallId == callId && b.Status == BidStatus.Submitted && s.Version == b.SubmissionCount
                                orderby s.ReceiptNumber
                                select new { s.ReceiptNumber, o.Name, o.Bin, b.Eligibility }).ToListAsync(cancellationToken);
        var byBid = evaluation.Bids.ToDictionary(b => b.BidId);
        var bids = decision.Lines.OrderBy(l => l.Rank).Where(l => byBid.GetValueOrDefault(l.BidId.Value)?.Aggregate is not null).Select(l =>
        {
            var e = byBid[l.BidId.Value];
            return new ProtocolBid(
                l.Rank, e.ReceiptNumber, e.Organization, e.Bin, l.Requested, [.. e.Aggregate!.Means.Select(m => m.Mean)], e.Aggregate.Total, Flags(e),
                (ProtocolOutcome)(int)l.Outcome, l.Amount, l.Changed ? l.Justification : null);
        }).ToList();
        return new AwardProtocolDocument(
            decision.ProtocolNumber ?? "—", decision.LockedAt ?? decision.CreatedAt, body, call.ReferenceNumber, call.Title, call.Budget,
            [.. decision.Members.Select(m => new ProtocolMember(m.FullName, (ProtocolMemberRole)(int)m.Role, m.IsObserver, m.Present))], decision.QuorumFraction,
            counts.Sum(c => c.Count), counts.Where(c => c.Key == BidStatus.Withdrawn).Sum(c => c.Count),
            [.. ineligible.Where(i => i.Eligibility is { Eligible: false }).Select(i => new ProtocolIneligibleBid(i.ReceiptNumber, i.Name, i.Bin.Value, i.Eligibility!.Reason ?? string.Empty))],
            bids.Count, [.. call.Criteria.Select(c => new ProtocolCriterion(c.Code, c.Name, c.Weight, c.MaxPoints))], bids, decision.Total,
            [.. decision.Dissents.Select(d => new ProtocolDissent(d.MemberName, d.Text))],
            decision.DecisionSha256 ?? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(decision.CanonicalJson()))),
            verificationUrl, call.Instrument, Version: Math.Max(1, decision.ProtocolVersion));
    }

    public static IReadOnlyList<string> Flags(BidEvaluation e)
    {
        var flags = new List<string>();
        if (e.Aggregate is not { } g)
        {
            return flags;
        }

        if (g.Divergent)
        {
            flags.Add("Divergent");
        }

        if (e.Reconciliation is not null)
        {
            flags.Add("Reconciled");
        }

        if (g.BelowCriterionMinimum)
        {
            flags.Add("BelowCriterionMinimum");
        }

        if (g.BelowOverallMinimum)
        {
            flags.Add("BelowOverallMinimum");
        }

        return flags;
    }
}
