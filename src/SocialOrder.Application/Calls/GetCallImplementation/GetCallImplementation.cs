using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Reports;

namespace SocialOrder.Application.Calls.GetCallImplementation;

/// <summary>One indicator of an accepted report: what the agreement promised and what was reached.</summary>
public sealed record PublicIndicatorActual(string Name, string Target, decimal? Actual);

/// <summary>An accepted report as the public sees it: the narrative and the indicator actuals, no finance, no evidence files.</summary>
public sealed record PublicAcceptedReport(int Number, ReportKind Kind, DateTimeOffset AcceptedAt, string Narrative, IReadOnlyList<PublicIndicatorActual> Indicators);

/// <summary>
/// One funded project as the public sees it: the organization (a legal person), the title, the agreement's status
/// (a draft is "being concluded"), the tranches paid against the total, and the accepted reports. No person's name.
/// </summary>
public sealed record PublicProject(
    string AgreementNumber,
    LocalizedText Organization,
    string ProjectTitle,
    AgreementStatus Status,
    string? TerminationReason,
    decimal TotalAmount,
    int TranchesPaid,
    int TranchesTotal,
    decimal PaidAmount,
    IReadOnlyList<PublicAcceptedReport> Reports);

/// <summary>The implementation of an awarded call's funded projects, for its public page (at most 200 projects).</summary>
public sealed record GetCallImplementationQuery(Guid CallId) : IQuery<IReadOnlyList<PublicProject>>;

public sealed class GetCallImplementationQueryHandler(IAppDbContext db) : IQueryHandler<GetCallImplementationQuery, IReadOnlyList<PublicProject>>
{
    public const int MaxProjects = 200;

    public async ValueTask<IReadOnlyList<PublicProject>> Handle(GetCallImplementationQuery query, CancellationToken cancellationToken)
    {
        var callId = new CallId(query.CallId);

        // One query for the agreements (projected: the parties' head and the budget lines are not read) ...
        var agreements = await (from a in db.Agreements.AsNoTracking()
                                join c in db.Calls.AsNoTracking() on a.CallId equals c.Id
                                join o in db.Organizations.AsNoTracking() on a.OrganizationId equals o.Id
                                where a.CallId == callId && c.Status == CallStatus.Awarded
                                orderby a.Number
                                select new { a.Id, a.Number, Organization = o.Name, a.ProjectTitle, a.Status, a.TerminationReason, a.TotalAmount, a.PaidAmount, a.Tranches })
            .Take(MaxProjects)
            .ToListAsync(cancellationToken);
        if (agreements.Count == 0)
        {
            return [];
        }

        // ... and one for all their accepted reports; nothing submitted, returned or in draft is read.
        var ids = agreements.Select(a => a.Id).ToList();
        var reports = await db.Reports.AsNoTracking()
            .Where(r => ids.Contains(r.AgreementId) && r.Status == ReportStatus.Accepted)
            .Select(r => new { r.AgreementId, r.Number, r.Kind, r.Versions })
            .ToListAsync(cancellationToken);
        var byAgreement = reports.ToLookup(r => r.AgreementId);

        return [.. agreements.Select(a => new PublicProject(
            a.Number,
            a.Organization,
            a.ProjectTitle,
            a.Status,
            a.Status == AgreementStatus.Terminated ? a.TerminationReason : null,
            a.TotalAmount,
            a.Tranches.Count(t => t.Payment is not null),
            a.Tranches.Count,
            a.PaidAmount,
            [.. byAgreement[a.Id].OrderBy(r => r.Number).Select(r => Accepted(r.Number, r.Kind, r.Versions)).OfType<PublicAcceptedReport>()]))];
    }

    /// <summary>The version the official accepted (the last one, with an accepting review).</summary>
    private static PublicAcceptedReport? Accepted(int number, ReportKind kind, IReadOnlyList<ReportVersion> versions)
    {
        var version = versions.LastOrDefault(v => v.Review is { Accepted: true });
        return version is null
            ? null
            : new PublicAcceptedReport(
                number,
                kind,
                version.Review!.At,
                version.Content.Narrative,
                [.. version.Content.Indicators.Select(i => new PublicIndicatorActual(i.Name, i.Target, i.Actual))]);
    }
}
