using System.Security.Cryptography;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Verification;

namespace SocialOrder.Application.Verification.VerifyDocument;

/// <summary>
/// One document the portal issued that matches. A receipt says only which call it was for and when it was issued:
/// never its number, the organization or the bid's content, which are the applicant's.
/// </summary>
public sealed record VerifiedDocument(
    IssuedDocumentKind Kind, string? Language, string? Number, DateTimeOffset IssuedAt, Guid CallId, string CallReference, LocalizedText CallTitle,
    bool MatchedFileBytes, bool HasPublicOriginal);

/// <summary>The hash that was looked up (of the uploaded file, or as pasted) and what it matched; empty: not issued here.</summary>
public sealed record VerificationOutcome(string Sha256, bool FromUpload, IReadOnlyList<VerifiedDocument> Matches)
{
    public bool Genuine => Matches.Count > 0;
}

/// <summary>
/// Checks a document against the register of issued PDFs. An uploaded file is hashed and must match a file hash: a
/// copy changed by one byte is not genuine. A pasted hash (or one from a QR code) may be a file's or the data hash the
/// PDF prints.
/// </summary>
public sealed record VerifyDocumentQuery(string? Sha256, Stream? File = null) : IQuery<Result<VerificationOutcome>>;

public sealed class VerifyDocumentQueryValidator : AbstractValidator<VerifyDocumentQuery>
{
    public VerifyDocumentQueryValidator()
    {
        RuleFor(q => q.Sha256)
            .Must(h => IssuedDocument.NormalizeSha256(h) is not null)
            .When(q => q.File is null)
            .WithErrorCode("Verify.HashInvalid");
    }
}

public sealed class VerifyDocumentQueryHandler(IAppDbContext db) : IQueryHandler<VerifyDocumentQuery, Result<VerificationOutcome>>
{
    private const int MaxMatches = 20;

    public async ValueTask<Result<VerificationOutcome>> Handle(VerifyDocumentQuery query, CancellationToken cancellationToken)
    {
        string hash;
        if (query.File is { } file)
        {
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        }
        else
        {
            hash = IssuedDocument.NormalizeSha256(query.Sha256)!;
        }

        var fromUpload = query.File is not null;
        var documents = db.IssuedDocuments.AsNoTracking();
        documents = fromUpload ? documents.Where(d => d.FileSha256 == hash) : documents.Where(d => d.FileSha256 == hash || d.DataSha256 == hash);
        var rows = await (from d in documents
                          join c in db.Calls.AsNoTracking() on d.CallId equals c.Id
                          orderby d.IssuedAt, d.Kind, d.Language
                          select new { d.Kind, d.Language, d.Number, d.IssuedAt, CallId = c.Id, c.ReferenceNumber, c.Title, d.FileSha256 })
            .Take(MaxMatches)
            .ToListAsync(cancellationToken);
        var matches = rows.Select(r =>
        {
            var isPublic = r.Kind is IssuedDocumentKind.AwardProtocol or IssuedDocumentKind.Assessment;
            return new VerifiedDocument(
                r.Kind, r.Language, isPublic ? r.Number : null, r.IssuedAt, r.CallId.Value, r.ReferenceNumber, r.Title, r.FileSha256 == hash, isPublic);
        }).ToList();
        return new VerificationOutcome(hash, fromUpload, matches);
    }
}
