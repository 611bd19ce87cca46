using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Auditing;
using SocialOrder.Infrastructure.Persistence;

namespace SocialOrder.Infrastructure.Auditing;

/// <summary>
/// Appends in its own connection (one autocommitted INSERT) so that a failed business save cannot take the audit record
/// with it. Nothing else: no lock, no read of the chain's tail. The event is unsealed until <see cref="AuditSealer"/>
/// links it into the hash chain, a second or two later (ADR 30).
/// </summary>
public sealed class AuditLog(DbContextOptions<AppDbContext> options, ICurrentUser user, TimeProvider time) : IAuditLog
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var e = AuditEvent.Record(
            time.GetUtcNow(),
            user.Id,
            user.Name ?? "system",
            entry.Action,
            entry.EntityType,
            entry.EntityId,
            entry.Outcome,
            entry.Details,
            user.IpAddress);
        await using var db = new AppDbContext(options);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO audit_events (occurred_at, actor_id, actor_name, action, entity_type, entity_id, outcome, details, ip_address)
            VALUES ({e.OccurredAt}, {e.ActorId}, {e.ActorName}, {e.Action}, {e.EntityType}, {e.EntityId}, {e.Outcome}, {e.Details}, {e.IpAddress})
            """,
            cancellationToken);
    }
}
