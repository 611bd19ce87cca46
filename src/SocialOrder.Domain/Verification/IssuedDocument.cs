using SocialOrder.Domain.Calls;

namespace SocialOrder.Domain.Verification;

/// <summary>What kind of document the portal issued. Agreements and assessments join the list when they are issued.</summary>
public enum IssuedDocumentKind
{
    AwardProtocol,
    BidReceipt,
    Agreement,
    Assessment,
    ReportReceipt,
}

/// <summary>
/// A PDF the portal issued, registered at the moment it was issued so that anyone can check a copy later: the SHA-256
/// of its bytes and the SHA-256 of the data it prints (the decision's hash on a protocol, the content hash on a receipt).
/// It names the call and never the organization, so a receipt confirms only that it is genuine.
/// </summary>
public sealed class IssuedDocument
{
    private IssuedDocument()
    {
        FileSha256 = DataSha256 = Number = string.Empty;
    }

    public Guid Id { get; private set; }

    public IssuedDocumentKind Kind { get; private set; }

    /// <summary>"kk", "ru" or null when the document is bilingual.</summary>
    public string? Language { get; private set; }

    public string FileSha256 { get; private set; }

    public string DataSha256 { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public CallId CallId { get; private set; }

    /// <summary>The protocol or receipt number: shown for public documents, kept for the record for private ones.</summary>
    public string Number { get; private set; }

    /// <summary>Whether anyone may see the original (a protocol) or only its owner (a receipt).</summary>
    public bool IsPublic => Kind is IssuedDocumentKind.AwardProtocol or IssuedDocumentKind.Assessment;

    public static IssuedDocument Issue(
        IssuedDocumentKind kind, string? language, string fileSha256, string dataSha256, DateTimeOffset issuedAt, CallId callId, string number)
    {
        if (!IsSha256(fileSha256) || !IsSha256(dataSha256))
        {
            throw new ArgumentException("A SHA-256 is 64 lowercase hexadecimal characters.", nameof(fileSha256));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        return new IssuedDocument
        {
            Id = Guid.CreateVersion7(), Kind = kind, Language = language, FileSha256 = fileSha256, DataSha256 = dataSha256,
            IssuedAt = issuedAt, CallId = callId, Number = number,
        };
    }

    /// <summary>64 hexadecimal characters, any case, after trimming; null otherwise. Hashes are stored in lowercase.</summary>
    public static string? NormalizeSha256(string? text)
    {
        var trimmed = text?.Trim().ToLowerInvariant();
        return IsSha256(trimmed) ? trimmed : null;
    }

    private static bool IsSha256(string? text) => text is { Length: 64 } && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
