using System.Security.Cryptography;
using System.Text;

namespace SocialOrder.Domain.Auditing;

/// <summary>
/// An append-only record of a state-changing action. Each event carries the hash of the previous one,
/// so editing or deleting a row breaks the chain from that point on.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
        Action = string.Empty;
        Outcome = string.Empty;
        PreviousHash = string.Empty;
        Hash = string.Empty;
    }

    private AuditEvent(
        DateTimeOffset occurredAt,
        Guid? actorId,
        string? actorName,
        string action,
        string? entityType,
        string? entityId,
        string outcome,
        string? details,
        string? ipAddress,
        string previousHash)
    {
        OccurredAt = occurredAt;
        ActorId = actorId;
        ActorName = actorName;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Outcome = outcome;
        Details = details;
        IpAddress = ipAddress;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public Guid? ActorId { get; private set; }

    public string? ActorName { get; private set; }

    public string Action { get; private set; }

    public string? EntityType { get; private set; }

    public string? EntityId { get; private set; }

    /// <summary>"Succeeded", "Refused" or "NotFound".</summary>
    public string Outcome { get; private set; }

    public string? Details { get; private set; }

    public string? IpAddress { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    public static AuditEvent Record(
        DateTimeOffset occurredAt,
        Guid? actorId,
        string? actorName,
        string action,
        string? entityType,
        string? entityId,
        string outcome,
        string? details,
        string? ipAddress,
        string previousHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        ArgumentException.ThrowIfNullOrWhiteSpace(previousHash);
        // PostgreSQL keeps microseconds; truncating here keeps the hash verifiable after a round trip.
        var utc = new DateTimeOffset(occurredAt.UtcTicks - (occurredAt.UtcTicks % 10), TimeSpan.Zero);
        // What a caller typed (an e-mail of 10 000 characters at sign-in) is recorded, cut to the column, never lost.
        return new AuditEvent(
            utc, actorId, Fit(actorName, MaxNameLength), Fit(action, MaxCodeLength)!, Fit(entityType, MaxCodeLength), Fit(entityId, MaxNameLength),
            Fit(outcome, MaxOutcomeLength)!, Fit(details, MaxDetailsLength), Fit(ipAddress, MaxAddressLength), previousHash);
    }

    public const int MaxCodeLength = 100;
    public const int MaxNameLength = 256;
    public const int MaxOutcomeLength = 40;
    public const int MaxDetailsLength = 4000;
    public const int MaxAddressLength = 64;

    private static string? Fit(string? value, int length) =>
        value is null || value.Length <= length ? value : string.Concat(value.AsSpan(0, length - 1), "…");

    public bool HashMatches() => string.Equals(Hash, ComputeHash(), StringComparison.Ordinal);

    private string ComputeHash()
    {
        var canonical = string.Join(
            '\u001f',
            PreviousHash,
            OccurredAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
            ActorId?.ToString("D") ?? string.Empty,
            ActorName ?? string.Empty,
            Action,
            EntityType ?? string.Empty,
            EntityId ?? string.Empty,
            Outcome,
            Details ?? string.Empty,
            IpAddress ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
