using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Agreements;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Reports;

namespace SocialOrder.Application.Reports.GetAgreementReports;

/// <summary>A reporting point with its report's state (null: not started; staff see a draft as not submitted).</summary>
public sealed record ReportRow(int Number, ReportKind Kind, int Year, DateOnly DueOn, Guid? ReportId, ReportStatus? Status, int Versions, DateTimeOffset? SubmittedAt, bool Overdue);

/// <summary>An activity with the progress the latest submitted report gave it.</summary>
public sealed record ActivityProgressRow(string Name, int StartMonth, int EndMonth, ActivityProgress Progress, int? FromReport);

/// <summary>An indicator with the actual value the latest submitted report gave it.</summary>
public sealed record IndicatorProgressRow(string Name, string Baseline, string Target, decimal? Actual, int? FromReport);

public sealed record AgreementReports(
    Guid AgreementId, bool ForOrganization, bool CanStart, IReadOnlyList<ReportRow> Reports, IReadOnlyList<ActivityProgressRow> Activities, IReadOnlyList<IndicatorProgressRow> Indicators);

/// <summary>The reports part of an agreement's page: reports due and their state, the plan's progress and indicators to date.</summary>
public sealed record GetAgreementReportsQuery(Guid AgreementId) : IQuery<Result<AgreementReports>>;

public sealed class GetAgreementReportsQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<GetAgreementReportsQuery, Result<AgreementReports>>
{
    public async ValueTask<Result<AgreementReports>> Handle(GetAgreementReportsQuery query, CancellationToken cancellationToken)
    {
        if (await AgreementAccess.FindForReaderAsync(db, user, query.AgreementId, cancellationToken) is not { } found)
        {
            return Result<AgreementReports>.NotFound();
        }

        var (a, viewer) = found;
        var organization = viewer is AgreementViewer.OrganizationAdministrator or AgreementViewer.OrganizationMember;
        var reports = await db.Reports.AsNoTracking().Where(r => r.AgreementId == a.Id)
            .Select(r => new { r.Id, r.Number, r.Status, r.Versions, r.SubmittedAt }).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(KazakhstanTime.ToLocal(time.GetUtcNow()).Date);
        var rows = a.Reports.Select(p =>
        {
            var r = reports.SingleOrDefault(x => x.Number == p.Number);
            var visible = r is not null && (organization || r.Versions.Count > 0);
            var status = visible ? r!.Status : (ReportStatus?)null;
            var overdue = a.Status == AgreementStatus.Accepted && p.DueOn < today && status is null or ReportStatus.Draft or ReportStatus.Returned;
            return new ReportRow(p.Number, p.Kind, p.Year, p.DueOn, visible ? r!.Id.Value : null, status, r?.Versions.Count ?? 0, r?.SubmittedAt, overdue);
        }).ToList();

        // The latest submitted version of the latest report that has one says where the plan stands.
        var latest = reports.Where(r => r.Versions.Count > 0).OrderByDescending(r => r.Number).FirstOrDefault();
        var content = latest?.Versions[^1].Content;
        var activities = a.Activities.Select((x, i) => new ActivityProgressRow(
            x.Name, x.StartMonth, x.EndMonth, content is not null && i < content.Activities.Count ? content.Activities[i].Progress : ActivityProgress.NotSet, latest?.Number)).ToList();
        var indicators = a.Indicators.Select((x, i) => new IndicatorProgressRow(
            x.Name, x.Baseline, x.Target, content is not null && i < content.Indicators.Count ? content.Indicators[i].Actual : null, latest?.Number)).ToList();
        return new AgreementReports(a.Id.Value, organization, organization && a.Status == AgreementStatus.Accepted, rows, activities, indicators);
    }
}
