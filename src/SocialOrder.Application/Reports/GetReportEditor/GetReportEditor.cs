using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Reports;

namespace SocialOrder.Application.Reports.GetReportEditor;

public sealed record ReportEditor(
    Guid Id, Guid AgreementId, string AgreementNumber, string ProjectTitle, int Number, ReportKind Kind, int Year, DateOnly DueOn, ReportStatus Status,
    ReportContent Content, int Revision, IReadOnlyList<VersionRow> Versions, ReportReview? LastReview, decimal VarianceShare, bool CanEdit);

/// <summary>The report editor for a member of the organization: the draft with the spending of earlier accepted reports.</summary>
public sealed record GetReportEditorQuery(Guid ReportId) : IQuery<Result<ReportEditor>>;

public sealed class GetReportEditorQueryHandler(IAppDbContext db, ICurrentUser user, IOptions<ReportOptions> options) : IQueryHandler<GetReportEditorQuery, Result<ReportEditor>>
{
    public async ValueTask<Result<ReportEditor>> Handle(GetReportEditorQuery query, CancellationToken cancellationToken)
    {
        var report = await db.FindForMemberAsync(user, query.ReportId, cancellationToken, track: false);
        if (report is null)
        {
            return Result<ReportEditor>.NotFound();
        }

        var agreement = await db.Agreements.AsNoTracking().Where(a => a.Id == report.AgreementId).Select(a => new { a.ProjectTitle, a.Status }).SingleAsync(cancellationToken);
        var before = await db.SpentBeforeAsync(report, cancellationToken);
        var content = report.IsOpen
            ? report.Content with { Budget = [.. report.Content.Budget.Select((b, i) => b with { SpentBefore = before[i] })] }
            : report.Content;
        return new ReportEditor(
            report.Id.Value, report.AgreementId.Value, report.AgreementNumber, agreement.ProjectTitle, report.Number, report.Kind, report.Year, report.DueOn, report.Status,
            content, report.Revision, [.. report.Versions.Select(ReportAccess.Row)], report.LatestVersion?.Review, options.Value.ReportVarianceShare,
            report.IsOpen && agreement.Status == AgreementStatus.Accepted);
    }
}
