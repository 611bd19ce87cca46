using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Domain.Appeals;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Appeals.GetAppealDocument;

/// <summary>A document filed with a complaint: for the members of the organization and the officials and observers of the call's body only.</summary>
public sealed record GetAppealDocumentQuery(Guid AppealId, Guid FileId) : IQuery<DownloadedFile?>;

public sealed class GetAppealDocumentQueryHandler(IAppDbContext db, ICurrentUser user, IFileStore files) : IQueryHandler<GetAppealDocumentQuery, DownloadedFile?>
{
    public async ValueTask<DownloadedFile?> Handle(GetAppealDocumentQuery query, CancellationToken cancellationToken)
    {
        var id = new AppealId(query.AppealId);
        var appeal = await (from a in db.Appeals.AsNoTracking()
                            join c in db.Calls.AsNoTracking() on a.CallId equals c.Id
                            where a.Id == id
                            select new { a.OrganizationId, a.Documents, c.StateBodyId }).SingleOrDefaultAsync(cancellationToken);
        if (appeal is null || !appeal.Documents.Any(d => d.FileId == query.FileId))
        {
            return null;
        }

        var staff = user.StateBodyId is { } body && new StateBodyId(body) == appeal.StateBodyId && (user.IsInRole(Roles.Official) || user.IsInRole(Roles.Observer));
        if (!staff && !await db.IsMemberAsync(user, appeal.OrganizationId, cancellationToken))
        {
            return null;
        }

        return await files.ReadAsync(query.FileId, cancellationToken) is { } file ? new DownloadedFile(file.Info.FileName, file.Info.ContentType, file.Content) : null;
    }
}
