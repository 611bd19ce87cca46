using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;

namespace SocialOrder.Application.Reports.GetReportEvidence;

/// <summary>An evidence file of a report, for whoever may read the report; a file the report does not name is not found.</summary>
public sealed record GetReportEvidenceQuery(Guid ReportId, Guid FileId) : IQuery<DownloadedFile?>;

public sealed class GetReportEvidenceQueryHandler(IAppDbContext db, ICurrentUser user, IFileStore files) : IQueryHandler<GetReportEvidenceQuery, DownloadedFile?>
{
    public async ValueTask<DownloadedFile?> Handle(GetReportEvidenceQuery query, CancellationToken cancellationToken)
    {
        if (await db.FindForReaderAsync(user, query.ReportId, cancellationToken) is not { } found)
        {
            return null;
        }

        // Staff see what was submitted; the organization also its draft.
        var contents = found.Report.Versions.Select(v => v.Content).ToList();
        if (found.Viewer == ReportViewer.Organization)
        {
            contents.Add(found.Report.Content);
        }

        var named = contents.SelectMany(c => c.Indicators).SelectMany(i => i.Evidence).Any(e => e.FileId == query.FileId);
        return named && await files.ReadAsync(query.FileId, cancellationToken) is { } file
            ? new DownloadedFile(file.Info.FileName, file.Info.ContentType, file.Content)
            : null;
    }
}
