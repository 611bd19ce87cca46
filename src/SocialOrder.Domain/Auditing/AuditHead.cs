namespace SocialOrder.Domain.Auditing;

/// <summary>
/// A published head of the audit chain: the last event's sequence number and hash at a moment. Once published, any
/// later rewrite of an event up to that sequence number shows, even one that recomputes every hash after it.
/// </summary>
public sealed class AuditHead
{
    private AuditHead()
    {
        Hash = string.Empty;
    }

    public long Id { get; private set; }

    /// <summary>The chain sequence number of the last sealed event when the head was taken (before ADR 30: its id, the same number).</summary>
    public long Sequence { get; private set; }

    public string Hash { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public static AuditHead Publish(long sequence, string hash, DateTimeOffset publishedAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        ArgumentException.ThrowIfNullOrWhiteSpace(hash);
        return new AuditHead { Sequence = sequence, Hash = hash, PublishedAt = publishedAt };
    }
}
