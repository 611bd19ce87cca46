using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;

namespace SocialOrder.Application.Auditing;

/// <summary>The audit chain's current head, as printed in protocols and published at /api/audit/heads.</summary>
public static class AuditChainHeads
{
    /// <summary>The last committed event's id and hash; null while the trail is empty.</summary>
    public static async Task<AuditChainHead?> CurrentAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Id)
            .Select(e => new AuditChainHead(e.Id, e.Hash))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
