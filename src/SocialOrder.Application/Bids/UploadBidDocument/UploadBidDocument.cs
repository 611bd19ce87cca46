using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Files;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Bids.UploadBidDocument;

/// <summary>
/// Uploads a file against one of the call's required documents. The real type is judged from the bytes; the
/// name is sanitised; limits per file and per bid hold; scripts, macros and malware are refused; the file is
/// stored with its size and SHA-256.
/// </summary>
public sealed record UploadBidDocumentCommand(Guid BidId, int DocumentIndex, string FileName, byte[] Content) : ICommand<Result<BidAttachment>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Bid", BidId.ToString());
}

public sealed class UploadBidDocumentCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IFileStore files, IOptions<FileLimits> limits, UploadScanning scanning)
    : ICommandHandler<UploadBidDocumentCommand, Result<BidAttachment>>
{
    public async ValueTask<Result<BidAttachment>> Handle(UploadBidDocumentCommand c, CancellationToken cancellationToken)
    {
        var bid = await db.FindOwnBidAsync(user, c.BidId, cancellationToken);
        if (bid is null)
        {
            return Result<BidAttachment>.NotFound();
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(x => x.Id == bid.CallId, cancellationToken);
        if (c.DocumentIndex < 0 || c.DocumentIndex >= call.RequiredDocuments.Count)
        {
            return Result<BidAttachment>.Invalid("Bid.DocumentUnknown", "File");
        }

        if (c.Content.LongLength == 0)
        {
            return Result<BidAttachment>.Invalid("Bid.FileEmpty", "File");
        }

        if (c.Content.LongLength > limits.Value.MaxFileBytes)
        {
            return Result<BidAttachment>.Failure(ResultStatus.Invalid, [new Error("Bid.FileTooLarge", "File", [limits.Value.MaxFileBytes / (1024 * 1024)])]);
        }

        var others = bid.Attachments.Where(a => a.DocumentIndex != c.DocumentIndex).Sum(a => a.Size);
        if (others + c.Content.LongLength > limits.Value.MaxBidBytes)
        {
            return Result<BidAttachment>.Failure(ResultStatus.Invalid, [new Error("Bid.BidTooLarge", "File", [limits.Value.MaxBidBytes / (1024 * 1024)])]);
        }

        // Judged before anything is stored, with the same reading of the clock that the attachment records.
        var now = time.GetUtcNow();
        bid.CheckCanChange(call, now);

        var allowed = call.RequiredDocuments[c.DocumentIndex].AllowedTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var inspection = FileInspection.Inspect(c.FileName, c.Content, allowed);
        if (inspection.ActiveContent != ActiveContent.None)
        {
            return Result<BidAttachment>.Invalid(inspection.ActiveContent == ActiveContent.PdfActions ? "Upload.PdfActions" : "Upload.OfficeMacros", "File");
        }

        if (!inspection.IsAllowed)
        {
            return Result<BidAttachment>.Failure(ResultStatus.Invalid, [new Error("Bid.FileTypeRefused", "File", [string.Join(", ", allowed)])]);
        }

        if (await scanning.CheckAsync(inspection.FileName, c.Content, "File", c.AuditTarget, cancellationToken) is { } malware)
        {
            return Result<BidAttachment>.Failure(ResultStatus.Invalid, [malware]);
        }

        await using var stream = new MemoryStream(c.Content, writable: false);
        var stored = await files.SaveAsync(inspection.FileName, inspection.ContentType, stream, cancellationToken);
        var attachment = new BidAttachment(c.DocumentIndex, stored.Id, stored.FileName, stored.ContentType, stored.Size, stored.Sha256, now, user.Id!.Value);
        bid.Attach(call, attachment, now);
        if (await db.TrySaveAsync(cancellationToken))
        {
            return attachment;
        }

        // A colleague's change to the same bid won the race: the file is not attached, so it is not kept either.
        await files.DeleteAsync(stored.Id, CancellationToken.None);
        return Result<BidAttachment>.Conflict("Rule.BidChangedByColleague");
    }
}
