using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Standards;

namespace SocialOrder.Application.Bids;

/// <summary>The quality indicators a bid must include: those of the standard version its call links to.</summary>
internal static class BidStandards
{
    public static async Task<IReadOnlyList<QualityIndicator>> RequiredIndicatorsAsync(this IAppDbContext db, Call call, CancellationToken cancellationToken)
    {
        if (call.StandardId is not { } id)
        {
            return [];
        }

        var indicators = await db.ServiceStandards.AsNoTracking().Where(s => s.Id == id).Select(s => s.Indicators).SingleOrDefaultAsync(cancellationToken);
        return indicators ?? [];
    }
}
