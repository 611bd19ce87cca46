using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;

namespace SocialOrder.Application.Auditing;

/// <summary>The audit chain's current head, as printed in protocols and published at /api/audit/heads.</summary>
public static class AuditChainHeads
{
    /// <summary>
    /// The last sealed event's chain sequence number and hash; null while nothing is sealed. Events appended in the last
    /// second or two are not in it yet (the sealer links them in batches, ADR 30).
    /// </summary>
    public static async Task<AuditChainHead?> CurrentAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.AuditEvents.AsNoTracking()
            .Where(e => e.Sequence != null)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new AuditChainHead(e.Sequence!.Value, e.Hash!))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
