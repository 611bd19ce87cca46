using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Agreements;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Agreements.Monitoring;

namespace SocialOrder.Application.Monitoring.GetVisitPhoto;

/// <summary>A photo of a visit, for whoever reads the agreement (its body's officials and observers, its organization's members); else null.</summary>
public sealed record GetVisitPhotoQuery(Guid AgreementId, Guid VisitId, Guid FileId) : IQuery<DownloadedFile?>;

public sealed class GetVisitPhotoQueryHandler(IAppDbContext db, ICurrentUser user, IFileStore files) : IQueryHandler<GetVisitPhotoQuery, DownloadedFile?>
{
    public async ValueTask<DownloadedFile?> Handle(GetVisitPhotoQuery query, CancellationToken cancellationToken)
    {
        if (await db.FindForReaderAsync(user, query.AgreementId, cancellationToken) is null)
        {
            return null;
        }

        var (a, v) = (new AgreementId(query.AgreementId), new MonitoringVisitId(query.VisitId));
        var photos = await db.MonitoringVisits.AsNoTracking().Where(x => x.Id == v && x.AgreementId == a).Select(x => x.Photos).SingleOrDefaultAsync(cancellationToken);
        if (photos is null || !photos.Any(p => p.FileId == query.FileId))
        {
            return null;
        }

        return await files.ReadAsync(query.FileId, cancellationToken) is { } file
            ? new DownloadedFile(file.Info.FileName, file.Info.ContentType, file.Content)
            : null;
    }
}
