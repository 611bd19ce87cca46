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

namespace SocialOrder.Application.Bids.GetBidFile;

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
