using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;

namespace SocialOrder.Domain.Appeals;

public readonly record struct AppealId(Guid Value)
{
    public static AppealId New() => new(Guid.CreateVersion7());
}

public enum AppealStatus
{
    Filed,
    Rejected,
    Upheld,
}

/// <summary>A document filed with a complaint: stored after the content check and the malware scan.</summary>
public sealed record AppealDocument(Guid FileId, string FileName, string ContentType, long Size, string Sha256);

/// <summary>What a complaint needs to know about the call's published results when it is filed.</summary>
public sealed record PublishedResults(CallId CallId, int ProtocolVersion, DateTimeOffset PublishedAt, DateTimeOffset WindowClosesAt);

/// <summary>
/// An organization's complaint about the procedure of a call, filed within the appeal window after the results are
/// published, and the body's answer: rejected with reasons, or upheld (the commission reopens its decision). One per
/// organization and protocol version; an answer is given once and never changes.
/// </summary>
public sealed class Appeal : Entity
{
    public const int MinimumText = 20;

    private Appeal()
    {
        Reasons = string.Empty;
    }

    public AppealId Id { get; private set; }

    public CallId CallId { get; private set; }

    public OrganizationId OrganizationId { get; private set; }

    /// <summary>The protocol version the complaint is about: an upheld complaint leads to a new version and a new window.</summary>
    public int ProtocolVersion { get; private set; }

    public Guid FiledBy { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public string Reasons { get; private set; }

    public IReadOnlyList<AppealDocument> Documents { get; private set; } = [];

    /// <summary>The body answers by then (working days from filing); a later answer is still accepted, and shown as late.</summary>
    public DateTimeOffset AnswerDueAt { get; private set; }

    public AppealStatus Status { get; private set; }

    public string? Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public Guid? AnsweredBy { get; private set; }

    public int Version { get; private set; }

    public bool IsAnswered => Status != AppealStatus.Filed;

    public static Appeal File(
        PublishedResults results, OrganizationId organizationId, bool organizationBid, bool alreadyFiled, Guid userId, string reasons,
        IReadOnlyList<AppealDocument> documents, DateTimeOffset answerDueAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(documents);
        CheckCanFile(results, organizationBid, alreadyFiled, reasons, now);
        return new Appeal
        {
            Id = AppealId.New(),
            CallId = results.CallId,
            OrganizationId = organizationId,
            ProtocolVersion = results.ProtocolVersion,
            FiledBy = userId,
            FiledAt = now,
            Reasons = reasons.Trim(),
            Documents = [.. documents],
            AnswerDueAt = answerDueAt,
            Status = AppealStatus.Filed,
            Version = 1,
        };
    }

    /// <summary>Every rule of filing, for the use case to judge before it stores the documents.</summary>
    public static void CheckCanFile(PublishedResults results, bool organizationBid, bool alreadyFiled, string reasons, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(results);
        CheckRule(new OnlyABidderAppealsRule(organizationBid));
        CheckRule(new AppealOnlyWithinTheWindowRule(results, now));
        CheckRule(new OneAppealPerOrganizationRule(alreadyFiled));
        CheckRule(new AppealNeedsReasonsRule(reasons));
    }

    /// <summary>The body's answer, once: upheld (the decision is reopened for this reason) or rejected, with reasons either way.</summary>
    public void AnswerWith(bool upheld, string answer, Guid officialId, DateTimeOffset now)
    {
        CheckRule(new AppealAnsweredOnceRule(Status));
        CheckRule(new AnswerNeedsReasonsRule(answer));
        Status = upheld ? AppealStatus.Upheld : AppealStatus.Rejected;
        Answer = answer.Trim();
        AnsweredAt = now;
        AnsweredBy = officialId;
        Version++;
    }

    public bool IsLate(DateTimeOffset now) => (AnsweredAt ?? now) > AnswerDueAt;
}
