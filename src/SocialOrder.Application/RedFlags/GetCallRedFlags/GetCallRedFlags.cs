using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.RedFlags;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.RedFlags.GetCallRedFlags;

public enum RedFlagKind
{
    SharedHead,
    RepeatFunding,
    NearDuplicateBids,
}

/// <summary>A warning with its evidence: the organizations (or bids) concerned and what they have in common. It never blocks anything.</summary>
public sealed record RedFlag(RedFlagKind Kind, IReadOnlyList<LocalizedText> Organizations, string Evidence);

public sealed record CallRedFlags(Guid CallId, string Reference, LocalizedText Title, IReadOnlyList<RedFlag> Flags);

/// <summary>
/// Red flags of one call for the officials and observers of its body (ADR 28): organizations sharing a head, an
/// organization funded in three or more consecutive calls of the body, near-duplicate submitted bids (similarity ≥ 0.8).
/// </summary>
public sealed record GetCallRedFlagsQuery(Guid CallId) : IQuery<Result<CallRedFlags>>;

public sealed class GetCallRedFlagsQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetCallRedFlagsQuery, Result<CallRedFlags>>
{
    public async ValueTask<Result<CallRedFlags>> Handle(GetCallRedFlagsQuery query, CancellationToken cancellationToken)
    {
        if (user.StateBodyId is not { } body || !(user.IsInRole(Roles.Official) || user.IsInRole(Roles.Observer)))
        {
            return Result<CallRedFlags>.NotFound();
        }

        var callId = new CallId(query.CallId);
        var bodyId = new StateBodyId(body);
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == callId && c.StateBodyId == bodyId)
            .Select(c => new { c.ReferenceNumber, c.Title }).SingleOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return Result<CallRedFlags>.NotFound();
        }

        var bids = await (from b in db.Bids.AsNoTracking()
                          join o in db.Organizations.AsNoTracking() on b.OrganizationId equals o.Id
                          where b.CallId == callId && b.Status == BidStatus.Submitted && b.SubmissionCount > 0
                          select new { b.Id, b.OrganizationId, o.Name, o.HeadName, b.Content }).ToListAsync(cancellationToken);
        var flags = new List<RedFlag>();

        foreach (var group in bids.GroupBy(b => NormalizeName(b.HeadName)).Where(g => g.Key.Length > 0 && g.Select(b => b.OrganizationId).Distinct().Count() > 1))
        {
            flags.Add(new RedFlag(RedFlagKind.SharedHead, [.. group.Select(b => b.Name).Distinct()], group.First().HeadName.Trim()));
        }

        var shingles = bids.Select(b => (Bid: b, Set: TextSimilarity.Shingles(Text(b.Content)))).ToList();
        for (var i = 0; i < shingles.Count; i++)
        {
            for (var j = i + 1; j < shingles.Count; j++)
            {
                var similarity = TextSimilarity.Jaccard(shingles[i].Set, shingles[j].Set);
                if (similarity >= TextSimilarity.NearDuplicate)
                {
                    flags.Add(new RedFlag(RedFlagKind.NearDuplicateBids, [shingles[i].Bid.Name, shingles[j].Bid.Name], similarity.ToString("0.00", CultureInfo.InvariantCulture)));
                }
            }
        }

        // Funded in this call and in each of the body's awarded calls just before it: three or more in a row.
        var awarded = await db.Calls.AsNoTracking().Where(c => c.StateBodyId == bodyId && c.Status == CallStatus.Awarded && c.AwardedAt != null)
            .OrderByDescending(c => c.AwardedAt).Select(c => c.Id).Take(50).ToListAsync(cancellationToken);
        var at = awarded.IndexOf(callId);
        if (at >= 0)
        {
            var window = awarded.Skip(at).ToList();
            var funded = await db.Bids.AsNoTracking().Where(b => window.Contains(b.CallId) && b.Outcome == AwardOutcome.Awarded)
                .Select(b => new { b.CallId, b.OrganizationId }).ToListAsync(cancellationToken);
            foreach (var organization in funded.Where(f => f.CallId == callId).Select(f => f.OrganizationId).Distinct())
            {
                var run = window.TakeWhile(c => funded.Any(f => f.CallId == c && f.OrganizationId == organization)).Count();
                if (run >= 3)
                {
                    var name = bids.First(b => b.OrganizationId == organization).Name;
                    flags.Add(new RedFlag(RedFlagKind.RepeatFunding, [name], run.ToString(CultureInfo.InvariantCulture)));
                }
            }
        }

        return new CallRedFlags(query.CallId, call.ReferenceNumber, call.Title, flags);
    }

    private static string NormalizeName(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static string Text(BidContent c) => string.Join(' ', c.Title, c.Summary, c.Problem, c.TargetGroup, c.Objectives, c.ExpectedResults, c.Sustainability, c.Team,
        string.Join(' ', c.Activities.Select(a => a.Name)), string.Join(' ', c.Indicators.Select(i => i.Name)));
}
