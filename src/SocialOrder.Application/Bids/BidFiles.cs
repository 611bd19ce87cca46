using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Files;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Bids;

internal static class BidFiles
{
    public static async Task<bool> MayReadAsync(IAppDbContext db, ICurrentUser user, TimeProvider time, Guid bidId, Guid fileId, CancellationToken cancellationToken)
    {
        var own = await db.FindOwnBidAsync(user, bidId, cancellationToken, track: false);
        if (own is not null)
        {
            if (own.Attachments.Any(a => a.FileId == fileId))
            {
                return true;
            }

            var submitted = await db.BidSubmissions.AsNoTracking().Where(s => s.BidId == own.Id).ToListAsync(cancellationToken);
            return submitted.Any(s => s.Files.Any(f => f.FileId == fileId));
        }

        var latest = await OfficialsLatestSubmissionAsync(db, user, time, bidId, cancellationToken);
        return latest is not null && latest.Files.Any(f => f.FileId == fileId);
    }

    public static async Task<BidSubmission?> OfficialsLatestSubmissionAsync(IAppDbContext db, ICurrentUser user, TimeProvider time, Guid bidId, CancellationToken cancellationToken)
    {
        if (user.StateBodyId is not { } body || !user.IsInRole(Roles.Official))
        {
            return null;
        }

        var id = new BidId(bidId);
        var bodyId = new StateBodyId(body);
        var bid = await (from b in db.Bids.AsNoTracking()
                         join c in db.Calls.AsNoTracking() on b.CallId equals c.Id
                         where b.Id == id && c.StateBodyId == bodyId && b.Status == BidStatus.Submitted
                         select new { b.SubmissionCount, c.ClosesAt }).SingleOrDefaultAsync(cancellationToken);
        if (bid is null || bid.ClosesAt is not { } closes || time.GetUtcNow() < closes)
        {
            return null;
        }

        return await db.BidSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.BidId == id && s.Version == bid.SubmissionCount, cancellationToken);
    }
}
