using System.Security.Cryptography;
using System.Text;

namespace SocialOrder.Domain.Auditing;

/// <summary>
/// An append-only record of a state-changing action. It is written unsealed (no sequence, no hash) by a plain insert;
/// the audit sealer later gives it the next chain sequence number and the hash of the event before it in the chain
/// (ADR 30), so editing, deleting or reordering sealed events breaks the chain from that point on.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
        Action = string.Empty;
        Outcome = string.Empty;
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
        string? ipAddress)
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

    /// <summary>The event's place in the hash chain, given by the sealer; null until sealed.</summary>
    public long? Sequence { get; private set; }

    /// <summary>When the sealer linked the event into the chain; null until sealed.</summary>
    public DateTimeOffset? SealedAt { get; private set; }

    /// <summary>The hash of the event before it in the chain (<see cref="GenesisHash"/> for the first); null until sealed.</summary>
    public string? PreviousHash { get; private set; }

    /// <summary>SHA-256 over the previous hash and the event's canonical fields; null until sealed.</summary>
    public string? Hash { get; private set; }

    public bool IsSealed => Sequence is not null;

    public static AuditEvent Record(
        DateTimeOffset occurredAt,
        Guid? actorId,
        string? actorName,
        string action,
        string? entityType,
        string? entityId,
        string outcome,
        string? details,
        string? ipAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        // PostgreSQL keeps microseconds; truncating here keeps the hash verifiable after a round trip.
        var utc = new DateTimeOffset(occurredAt.UtcTicks - (occurredAt.UtcTicks % 10), TimeSpan.Zero);
        // What a caller typed (an e-mail of 10 000 characters at sign-in) is recorded, cut to the column, never lost.
        return new AuditEvent(
            utc, actorId, Fit(actorName, MaxNameLength), Fit(action, MaxCodeLength)!, Fit(entityType, MaxCodeLength), Fit(entityId, MaxNameLength),
            Fit(outcome, MaxOutcomeLength)!, Fit(details, MaxDetailsLength), Fit(ipAddress, MaxAddressLength));
    }

    /// <summary>Links the event into the chain after the event whose hash is <paramref name="previousHash"/>; once only.</summary>
    public void Seal(long sequence, string previousHash, DateTimeOffset sealedAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        ArgumentException.ThrowIfNullOrWhiteSpace(previousHash);
        if (IsSealed)
        {
            throw new InvalidOperationException($"Audit event {Id} is already sealed as #{Sequence}.");
        }

        Sequence = sequence;
        SealedAt = sealedAt;
        PreviousHash = previousHash;
        Hash = ComputeHash(previousHash);
    }

    /// <summary>The hash the event would have after <paramref name="previousHash"/>: what the sealer stores and verification recomputes.</summary>
    public string ComputeHash(string previousHash)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        var canonical = string.Join(
            '\u001f',
            previousHash,
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

    public const int MaxCodeLength = 100;
    public const int MaxNameLength = 256;
    public const int MaxOutcomeLength = 40;
    public const int MaxDetailsLength = 4000;
    public const int MaxAddressLength = 64;

    private static string? Fit(string? value, int length) =>
        value is null || value.Length <= length ? value : string.Concat(value.AsSpan(0, length - 1), "…");

    /// <summary>True when the event is sealed and its stored hash is the one its fields and stored previous hash give.</summary>
    public bool HashMatches() => PreviousHash is not null && string.Equals(Hash, ComputeHash(PreviousHash), StringComparison.Ordinal);
}
