namespace SocialOrder.Application.Common.Interfaces;

public sealed record AuditEntry(string Action, string? EntityType, string? EntityId, string Outcome, string? Details = null);

/// <summary>Appends to the tamper-evident audit trail (hash chain) in its own short transaction.</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);
}

/// <summary>A state-changing message; the audit behaviour records every one of them.</summary>
public interface IAuditable
{
    /// <summary>The record the action is about, if known before the handler runs.</summary>
    (string Type, string? Id) AuditTarget { get; }
}
