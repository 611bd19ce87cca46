using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Bids;

namespace SocialOrder.Application.Bids;

/// <summary>A bid exists only for the members of the organization that owns it.</summary>
internal static class BidAccess
{
    public static async Task<bool> IsMemberAsync(this IAppDbContext db, ICurrentUser user, Domain.Organizations.OrganizationId organizationId, CancellationToken cancellationToken) =>
        user.Id is { } userId && user.IsInRole(Roles.Applicant) &&
        await db.Organizations.AnyAsync(o => o.Id == organizationId && o.Members.Any(m => m.UserId == userId), cancellationToken);

    public static async Task<Bid?> FindOwnBidAsync(this IAppDbContext db, ICurrentUser user, Guid bidId, CancellationToken cancellationToken, bool track = true)
    {
        var id = new BidId(bidId);
        var bids = track ? db.Bids : db.Bids.AsNoTracking();
        var bid = await bids.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        return bid is not null && await db.IsMemberAsync(user, bid.OrganizationId, cancellationToken) ? bid : null;
    }
}
