namespace SocialOrder.Application.OpenData;

/// <summary>Bound from the <c>Ocds</c> section (<c>Ocds__OcidPrefix</c> and so on).</summary>
public sealed class OcdsOptions
{
    public const string Section = "Ocds";

    /// <summary>The prefix registered with the Open Contracting Partnership; <c>ocds-xxxxxx</c> is a placeholder until it is.</summary>
    public string OcidPrefix { get; set; } = "ocds-xxxxxx";

    public string PublisherName { get; set; } = "SocialOrder";

    /// <summary>Whether this node runs the daily bulk job (the tests' portals do not: they run it themselves).</summary>
    public bool ExportEnabled { get; set; } = true;

    /// <summary>Hours between two regenerations of the bulk file.</summary>
    public int ExportIntervalHours { get; set; } = 24;

    /// <summary>Seconds after start-up before the bulk job first looks at its file (a node does not work while it starts).</summary>
    public int ExportFirstRunDelaySeconds { get; set; } = 60;
}

/// <summary>One moment in a call's public life that an OCDS release describes.</summary>
public sealed record OcdsEvent(Guid CallId, string Reference, string Kind, string Key, DateTimeOffset At);

/// <summary>The kinds of release, in the order of a call's life. Contracts and implementation add their own kinds here.</summary>
public static class OcdsEventKinds
{
    public const string Tender = "tender";
    public const string Amendment = "amendment";
    public const string Enquiry = "enquiry";
    public const string BidsClosed = "bids";
    public const string Award = "award";
    public const string Cancellation = "cancellation";
}

/// <summary>Where the releases endpoint stopped: the last event returned, in the index's own order.</summary>
public sealed record OcdsCursor(DateTimeOffset At, Guid CallId, string Kind, string Key);

public sealed record OcdsEventFilter(DateTimeOffset? Since, DateTimeOffset? Until, string? BodyBin);

/// <summary>
/// The public events of every published call, ordered by (date, call, kind, key): one SQL query over calls, their
/// amendments, answered questions and locked decisions, so a page never loads a call it does not return.
/// </summary>
public interface IOcdsEventIndex
{
    Task<IReadOnlyList<OcdsEvent>> PageAsync(OcdsEventFilter filter, OcdsCursor? after, int limit, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<OcdsEvent>> OfCallAsync(string reference, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Absolute public addresses the releases point to.</summary>
public interface IOcdsLinks
{
    string CallPage(Guid callId);

    string Protocol(Guid callId, string language);

    /// <summary>An absolute address of the portal's own API, e.g. <c>/api/ocds/releases?cursor=…</c>.</summary>
    string Api(string pathAndQuery);
}

public sealed record OcdsExportInfo(Guid Id, DateTimeOffset CreatedAt, int Releases, long Size, string Sha256);

/// <summary>The bulk file of every release as gzipped JSON Lines; only the newest is kept.</summary>
public interface IOcdsExportStore
{
    Task<OcdsExportInfo?> LatestAsync(CancellationToken cancellationToken);

    Task<byte[]?> ContentAsync(Guid id, CancellationToken cancellationToken);

    Task<OcdsExportInfo> SaveAsync(byte[] gzippedJsonLines, int releases, DateTimeOffset createdAt, CancellationToken cancellationToken);
}
