using System.Globalization;
using System.Net;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Evaluation.GetAssignedBidFile;

/// <summary>A document of the counted submission, for the expert who declared no conflict on the bid.</summary>
public sealed record GetAssignedBidFileQuery(Guid AssignmentId, Guid FileId) : IQuery<DownloadedFile?>;

public sealed class GetAssignedBidFileQueryHandler(IAppDbContext db, ICurrentUser user, IFileStore files) : IQueryHandler<GetAssignedBidFileQuery, DownloadedFile?>
{
    public async ValueTask<DownloadedFile?> Handle(GetAssignedBidFileQuery query, CancellationToken cancellationToken)
    {
        var a = await AssignmentAccess.FindOwnAsync(db, user, query.AssignmentId, cancellationToken, track: false);
        if (a is null || !a.MayOpenBid)
        {
            return null;
        }

        var count = await db.Bids.AsNoTracking().Where(b => b.Id == a.BidId).Select(b => b.SubmissionCount).SingleAsync(cancellationToken);
        var submission = await db.BidSubmissions.AsNoTracking().SingleAsync(s => s.BidId == a.BidId && s.Version == count, cancellationToken);
        if (submission.Files.All(f => f.FileId != query.FileId))
        {
            return null;
        }

        return await files.ReadAsync(query.FileId, cancellationToken) is { } file
            ? new DownloadedFile(file.Info.FileName, file.Info.ContentType, file.Content)
            : null;
    }
}
