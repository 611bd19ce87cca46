using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Files;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Bids.GetBidDocumentsZip;

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
