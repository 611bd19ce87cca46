using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Reports;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Reports;

public enum ReportViewer
{
    Official,
    Observer,
    Organization,
}

/// <summary>
/// Who reaches a report: the organization's members (the draft and every version), and the officials and observers of
/// the agreement's body once a version is submitted. Everyone else, another body's official included, finds nothing.
/// </summary>
internal static class ReportAccess
{
    public static async Task<Report?> FindForMemberAsync(this IAppDbContext db, ICurrentUser user, Guid reportId, CancellationToken cancellationToken, bool track = true)
    {
        if (user.Id is not { } userId)
        {
            return null;
        }

        var id = new ReportId(reportId);
        var report = await (track ? db.Reports : db.Reports.AsNoTracking()).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var member = await db.Organizations.AsNoTracking().Where(o => o.Id == report.OrganizationId).SelectMany(o => o.Members).AnyAsync(m => m.UserId == userId, cancellationToken);
        return member ? report : null;
    }

    /// <summary>An official of the report's body, for a report with at least one submitted version.</summary>
    public static async Task<Report?> FindForOfficialAsync(this IAppDbContext db, ICurrentUser user, Guid reportId, CancellationToken cancellationToken)
    {
        if (user.StateBodyId is not { } body || !user.IsInRole(Roles.Official))
        {
            return null;
        }

        var id = new ReportId(reportId);
        var bodyId = new StateBodyId(body);
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == id && r.StateBodyId == bodyId, cancellationToken);
        return report is { Versions.Count: > 0 } ? report : null;
    }

    public static async Task<(Report Report, ReportViewer Viewer)?> FindForReaderAsync(this IAppDbContext db, ICurrentUser user, Guid reportId, CancellationToken cancellationToken)
    {
        if (user.Id is null)
        {
            return null;
        }

        var id = new ReportId(reportId);
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return null;
        }

        if (user.StateBodyId is { } body && report.StateBodyId.Value == body && report.Versions.Count > 0)
        {
            if (user.IsInRole(Roles.Official))
            {
                return (report, ReportViewer.Official);
            }

            if (user.IsInRole(Roles.Observer))
            {
                return (report, ReportViewer.Observer);
            }
        }

        var member = await db.Organizations.AsNoTracking().Where(o => o.Id == report.OrganizationId).SelectMany(o => o.Members).AnyAsync(m => m.UserId == user.Id, cancellationToken);
        return member ? (report, ReportViewer.Organization) : null;
    }

    /// <summary>Per budget line, what the earlier accepted reports of the agreement spent (their accepted versions).</summary>
    public static async Task<IReadOnlyList<decimal>> SpentBeforeAsync(this IAppDbContext db, Report report, CancellationToken cancellationToken)
    {
        var agreementId = report.AgreementId;
        var number = report.Number;
        var earlier = await db.Reports.AsNoTracking()
            .Where(r => r.AgreementId == agreementId && r.Number < number && r.Status == ReportStatus.Accepted)
            .Select(r => r.Versions).ToListAsync(cancellationToken);
        var spent = new decimal[report.Content.Budget.Count];
        foreach (var versions in earlier)
        {
            var accepted = versions.LastOrDefault(v => v.Review is { Accepted: true });
            if (accepted is null)
            {
                continue;
            }

            for (var i = 0; i < spent.Length && i < accepted.Content.Budget.Count; i++)
            {
                spent[i] += accepted.Content.Budget[i].Spent ?? 0m;
            }
        }

        return spent;
    }

    public static VersionRow Row(ReportVersion v) => new(v.Number, v.ReceiptNumber, v.SubmittedAt, v.Sha256, v.Review?.Accepted, v.Review?.At);
}

public sealed record VersionRow(int Number, string ReceiptNumber, DateTimeOffset SubmittedAt, string Sha256, bool? Accepted, DateTimeOffset? ReviewedAt);

/// <summary>Settings of the reports, bound from the <c>Agreements</c> section (<c>Agreements__ReportVarianceShare</c>).</summary>
public sealed class ReportOptions
{
    public const string Section = "Agreements";

    /// <summary>A budget line whose cumulative spending differs from the plan by more than this share needs an explanation.</summary>
    public decimal ReportVarianceShare { get; set; } = Report.DefaultVarianceShare;
}
