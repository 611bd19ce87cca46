namespace SocialOrder.Application.Common.Interfaces;

/// <summary>Unique, human-readable numbers per prefix and year, e.g. SSO-2027-0042.</summary>
public interface IReferenceNumbers
{
    /// <summary>Gap-free: a counter row incremented in the caller's transaction, so it is locked until that commits.</summary>
    Task<string> NextAsync(string prefix, int year, CancellationToken cancellationToken);

    /// <summary>
    /// Unique and increasing per prefix and year, from a PostgreSQL sequence (one per prefix and year, created on first
    /// use): nothing stays locked until commit, so concurrent transactions never wait for each other; a transaction that
    /// rolls back leaves a gap (ADR 30). For receipts, which come in bursts at the deadline.
    /// </summary>
    Task<string> NextFromSequenceAsync(string prefix, int year, CancellationToken cancellationToken);
}

/// <summary>E-mails written in the same transaction as the change they announce and sent after it commits.</summary>
public interface IEmailQueue
{
    void Enqueue(EmailMessage message);
}

public sealed class CallOptions
{
    public const string Section = "Calls";

    /// <summary>An amendment made closer than this to the deadline moves the deadline so this many days remain.</summary>
    public int MinimumDaysBeforeDeadline { get; set; } = 5;

    /// <summary>Days an expert has to score, counted from the official's confirmation of the assignment.</summary>
    public int ScoringDays { get; set; } = 14;

    /// <summary>The shortest justification an expert may give for a criterion.</summary>
    public int MinimumJustification { get; set; } = 30;

    /// <summary>The shortest justification for 0 or full points: extremes need more explanation.</summary>
    public int JustificationAtExtremes { get; set; } = 80;
}
