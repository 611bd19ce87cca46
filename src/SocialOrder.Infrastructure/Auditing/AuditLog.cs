using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Auditing;
using SocialOrder.Infrastructure.Persistence;

namespace SocialOrder.Infrastructure.Auditing;

/// <summary>
/// Appends in its own connection and transaction so that a failed business save cannot take the audit
/// record with it; an advisory lock serialises writers so the hash chain has exactly one tail.
/// </summary>
public sealed class AuditLog(DbContextOptions<AppDbContext> options, ICurrentUser user, TimeProvider time) : IAuditLog
{
    private const long ChainLockKey = 7_420_001;

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var db = new AppDbContext(options);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", cancellationToken);
        var previous = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Id)
            .Select(e => e.Hash)
            .FirstOrDefaultAsync(cancellationToken) ?? AuditEvent.GenesisHash;
        db.AuditEvents.Add(AuditEvent.Record(
            time.GetUtcNow(),
            user.Id,
            user.Name ?? "system",
            entry.Action,
            entry.EntityType,
            entry.EntityId,
            entry.Outcome,
            Truncate(entry.Details, 4000),
            user.IpAddress,
            previous));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
