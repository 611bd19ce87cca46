using System.Net;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Evaluation;

internal sealed record AssignmentInputs(AssignmentRequest Request, IReadOnlyDictionary<BidId, Bid> Bids, IReadOnlyDictionary<Guid, PlannerExpert> Experts)
{
    /// <summary>Eligible bids, the live and excluded experts per bid, and every approved expert available for the scoring period.</summary>
    public static async Task<AssignmentInputs> BuildAsync(IAppDbContext db, Call call, TimeProvider time, int scoringDays, CancellationToken cancellationToken)
    {
        var callId = call.Id;
        var submitted = await db.Bids.AsNoTracking().Where(b => b.CallId == callId && b.Status == BidStatus.Submitted).ToListAsync(cancellationToken);
        var bids = submitted.Where(b => b.Eligibility is { Eligible: true }).ToDictionary(b => b.Id);
        var orgIds = bids.Values.Select(b => b.OrganizationId).Distinct().ToList();
        var regions = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.RegionId, cancellationToken);
        var existing = await db.ExpertAssignments.AsNoTracking().Where(a => a.CallId == callId)
            .Select(a => new { a.BidId, a.ExpertId, a.Status }).ToListAsync(cancellationToken);
        bool Live(AssignmentStatus s) => s is AssignmentStatus.Proposed or AssignmentStatus.Assigned or AssignmentStatus.Accepted;

        var today = EvaluationAccess.Today(time);
        var profiles = await db.ExpertProfiles.AsNoTracking().Where(e => e.Status == ExpertStatus.Approved).ToListAsync(cancellationToken);
        var available = profiles.Where(p => p.IsAvailable(today, today.AddDays(scoringDays))).ToList();
        var ids = available.Select(p => p.UserId).ToList();
        var conflicts = await db.ConflictsAsync(ids, cancellationToken);
        var loads = existing.Where(a => Live(a.Status)).GroupBy(a => a.ExpertId).ToDictionary(g => g.Key, g => g.Count());
        var experts = available.Select(p => new PlannerExpert(
            p.UserId, p.PriorityAreaIds.Select(a => new PriorityAreaId(a)).ToList(), p.RegionIds.Select(r => new RegionId(r)).ToList(),
            p.MaxBidsPerCall, loads.GetValueOrDefault(p.UserId), conflicts[p.UserId].ToList())).ToList();
        var byBid = existing.ToLookup(a => a.BidId);
        var plannerBids = bids.Values.Select(b => new PlannerBid(
            b.Id, b.OrganizationId, regions.TryGetValue(b.OrganizationId, out var r) ? r : null,
            byBid[b.Id].Where(a => Live(a.Status)).Select(a => a.ExpertId).ToList(),
            byBid[b.Id].Where(a => !Live(a.Status)).Select(a => a.ExpertId).ToList())).ToList();
        return new AssignmentInputs(new AssignmentRequest(call.PriorityAreaId, call.ExpertsPerBid, plannerBids, experts), bids, experts.ToDictionary(e => e.ExpertId));
    }

    /// <summary>Why this expert cannot take this bid by hand, or null when they can.</summary>
    public string? Refusal(Guid expertId, BidId bidId)
    {
        if (!Experts.TryGetValue(expertId, out var expert))
        {
            return "Assignment.ExpertUnavailable";
        }

        var bid = Request.Bids.SingleOrDefault(b => b.BidId == bidId);
        if (bid is null)
        {
            return "Rule.OnlyEligibleBidsGoToExperts";
        }

        if (bid.CurrentExperts.Contains(expertId))
        {
            return "Assignment.AlreadyOnBid";
        }

        if (bid.ExcludedExperts.Contains(expertId) || expert.ConflictedOrganizations.Contains(bid.OrganizationId))
        {
            return "Assignment.ExpertConflicted";
        }

        return expert.CurrentLoad >= expert.Capacity ? "Assignment.ExpertAtCapacity" : null;
    }
}
