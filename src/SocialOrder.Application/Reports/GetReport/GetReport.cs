using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Reports;

namespace SocialOrder.Application.Reports.GetReport;

public sealed record ReportPage(
    Guid Id, Guid AgreementId, string AgreementNumber, string ProjectTitle, int Number, ReportKind Kind, int Year, DateOnly DueOn, ReportStatus Status,
    ReportViewer Viewer, ReportVersion Shown, IReadOnlyList<VersionRow> Versions, decimal VarianceShare, bool AgreementTerminated)
{
    public bool IsLatest => Shown.Number == Versions[^1].Number;

    public bool CanReview => Viewer == ReportViewer.Official && Status == ReportStatus.Submitted && IsLatest && !AgreementTerminated;
}

/// <summary>One submitted version of a report (the latest unless asked), for the organization and the body's officials and observers.</summary>
public sealed record GetReportQuery(Guid ReportId, int? Version = null) : IQuery<Result<ReportPage>>;

public sealed class GetReportQueryHandler(IAppDbContext db, ICurrentUser user, IOptions<ReportOptions> options) : IQueryHandler<GetReportQuery, Result<ReportPage>>
{
    public async ValueTask<Result<ReportPage>> Handle(GetReportQuery query, CancellationToken cancellationToken)
    {
        if (await db.FindForReaderAsync(user, query.ReportId, cancellationToken) is not { } found || found.Report.Versions.Count == 0)
        {
            return Result<ReportPage>.NotFound();
        }

        var (r, viewer) = found;
        var shown = query.Version is { } n ? r.Versions.SingleOrDefault(v => v.Number == n) : r.Versions[^1];
        if (shown is null)
        {
            return Result<ReportPage>.NotFound();
        }

        var agreement = await db.Agreements.AsNoTracking().Where(a => a.Id == r.AgreementId).Select(a => new { a.ProjectTitle, a.Status }).SingleAsync(cancellationToken);
        return new ReportPage(
            r.Id.Value, r.AgreementId.Value, r.AgreementNumber, agreement.ProjectTitle, r.Number, r.Kind, r.Year, r.DueOn, r.Status, viewer, shown,
            [.. r.Versions.Select(ReportAccess.Row)], options.Value.ReportVarianceShare, agreement.Status == AgreementStatus.Terminated);
    }
}
