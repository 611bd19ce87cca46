using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Files;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Bids;

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

public sealed record RemoveBidDocumentCommand(Guid BidId, int DocumentIndex) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Bid", BidId.ToString());
}

public sealed class RemoveBidDocumentCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<RemoveBidDocumentCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveBidDocumentCommand c, CancellationToken cancellationToken)
    {
        var bid = await db.FindOwnBidAsync(user, c.BidId, cancellationToken);
        if (bid is null)
        {
            return Result.NotFound();
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(x => x.Id == bid.CallId, cancellationToken);
        bid.Detach(call, c.DocumentIndex, user.Id!.Value, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

public sealed record DownloadedFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// A document of a bid: for members of its organization; for officials of the call's body only after the
/// deadline and only files of a submitted version. Everyone else: not found.
/// </summary>
public sealed record GetBidFileQuery(Guid BidId, Guid FileId) : IQuery<DownloadedFile?>;

public sealed class GetBidFileQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IFileStore files) : IQueryHandler<GetBidFileQuery, DownloadedFile?>
{
    public async ValueTask<DownloadedFile?> Handle(GetBidFileQuery query, CancellationToken cancellationToken)
    {
        if (!await BidFiles.MayReadAsync(db, user, time, query.BidId, query.FileId, cancellationToken))
        {
            return null;
        }

        return await files.ReadAsync(query.FileId, cancellationToken) is { } file
            ? new DownloadedFile(file.Info.FileName, file.Info.ContentType, file.Content)
            : null;
    }
}

/// <summary>All documents of the counted version of a bid as one ZIP, for officials of the call's body after the deadline.</summary>
public sealed record GetBidDocumentsZipQuery(Guid BidId) : IQuery<DownloadedFile?>;

public sealed class GetBidDocumentsZipQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IFileStore files) : IQueryHandler<GetBidDocumentsZipQuery, DownloadedFile?>
{
    public async ValueTask<DownloadedFile?> Handle(GetBidDocumentsZipQuery query, CancellationToken cancellationToken)
    {
        var latest = await BidFiles.OfficialsLatestSubmissionAsync(db, user, time, query.BidId, cancellationToken);
        if (latest is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var f in latest.Files.OrderBy(f => f.DocumentIndex))
            {
                if (await files.ReadAsync(f.FileId, cancellationToken) is not { } file)
                {
                    continue;
                }

                var entry = zip.CreateEntry($"{f.DocumentIndex + 1:00}-{file.Info.FileName}", System.IO.Compression.CompressionLevel.Fastest);
                await using var target = await entry.OpenAsync(cancellationToken);
                await target.WriteAsync(file.Content, cancellationToken);
            }
        }

        return new DownloadedFile($"{latest.ReceiptNumber}.zip", "application/zip", buffer.ToArray());
    }
}

internal static class BidFiles
{
    public static async Task<bool> MayReadAsync(IAppDbContext db, ICurrentUser user, TimeProvider time, Guid bidId, Guid fileId, CancellationToken cancellationToken)
    {
        var own = await db.FindOwnBidAsync(user, bidId, cancellationToken, track: false);
        if (own is not null)
        {
            if (own.Attachments.Any(a => a.FileId == fileId))
            {
                return true;
            }

            var submitted = await db.BidSubmissions.AsNoTracking().Where(s => s.BidId == own.Id).ToListAsync(cancellationToken);
            return submitted.Any(s => s.Files.Any(f => f.FileId == fileId));
        }

        var latest = await OfficialsLatestSubmissionAsync(db, user, time, bidId, cancellationToken);
        return latest is not null && latest.Files.Any(f => f.FileId == fileId);
    }

    public static async Task<BidSubmission?> OfficialsLatestSubmissionAsync(IAppDbContext db, ICurrentUser user, TimeProvider time, Guid bidId, CancellationToken cancellationToken)
    {
        if (user.StateBodyId is not { } body || !user.IsInRole(Roles.Official))
        {
            return null;
        }

        var id = new BidId(bidId);
        var bodyId = new StateBodyId(body);
        var bid = await (from b in db.Bids.AsNoTracking()
                         join c in db.Calls.AsNoTracking() on b.CallId equals c.Id
                         where b.Id == id && c.StateBodyId == bodyId && b.Status == BidStatus.Submitted
                         select new { b.SubmissionCount, c.ClosesAt }).SingleOrDefaultAsync(cancellationToken);
        if (bid is null || bid.ClosesAt is not { } closes || time.GetUtcNow() < closes)
        {
            return null;
        }

        return await db.BidSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.BidId == id && s.Version == bid.SubmissionCount, cancellationToken);
    }
}
