using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Agreements.Portfolio;

/// <summary>What a project needs from the body now, most urgent first (the order is the sort order).</summary>
public enum ProjectAttention
{
    TranchePayable,
    AwaitingIssue,
    AwaitingAcceptance,

    /// <summary>Accepted, nothing payable, but a monitoring visit's corrective action is not closed.</summary>
    CorrectiveActionOpen,
    OnTrack,
    Completed,
    Terminated,
}

public sealed record PortfolioRow(
    Guid Id, string Number, string ProjectTitle, LocalizedText Organization, Guid CallId, string CallReference, AgreementStatus Status, ProjectAttention Attention,
    decimal TotalAmount, decimal PaidAmount, DateOnly? PayableSince, DateOnly TermStart, DateOnly TermEnd);

public sealed record PortfolioFilter(Guid? CallId = null, int? RegionId = null, int? PriorityAreaId = null, ProjectAttention? Attention = null, int Page = 1, int PageSize = Paging.DefaultPageSize);

public sealed record Portfolio(PagedList<PortfolioRow> Rows, decimal Planned, decimal Paid);

/// <summary>
/// Every project of the body for its officials and observers (read-only for them): what needs attention, filtered by call,
/// the organization's region, the call's priority area and attention, most urgent first; one SQL query per page.
/// </summary>
public sealed record GetPortfolioQuery(PortfolioFilter Filter) : IQuery<Result<Portfolio>>;

public sealed class GetPortfolioQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetPortfolioQuery, Result<Portfolio>>
{
    public async ValueTask<Result<Portfolio>> Handle(GetPortfolioQuery query, CancellationToken cancellationToken)
    {
        if (user.StateBodyId is not { } body || !(user.IsInRole(Roles.Official) || user.IsInRole(Roles.Observer)))
        {
            return Result<Portfolio>.NotFound();
        }

        var f = query.Filter;
        var bodyId = new StateBodyId(body);
        var agreements = db.Agreements.AsNoTracking().Where(a => a.StateBodyId == bodyId);
        if (f.CallId is { } call)
        {
            var callId = new CallId(call);
            agreements = agreements.Where(a => a.CallId == callId);
        }

        agreements = f.Attention switch
        {
            ProjectAttention.AwaitingIssue => agreements.Where(a => a.Status == AgreementStatus.Draft),
            ProjectAttention.AwaitingAcceptance => agreements.Where(a => a.Status == AgreementStatus.Issued),
            ProjectAttention.TranchePayable => agreements.Where(a => a.Status == AgreementStatus.Accepted && a.PayableSince != null),
            ProjectAttention.CorrectiveActionOpen => agreements.Where(a => a.Status == AgreementStatus.Accepted && a.PayableSince == null
                && db.MonitoringVisits.Any(v => v.AgreementId == a.Id && v.OpenActions > 0)),
            ProjectAttention.OnTrack => agreements.Where(a => a.Status == AgreementStatus.Accepted && a.PayableSince == null
                && !db.MonitoringVisits.Any(v => v.AgreementId == a.Id && v.OpenActions > 0)),
            ProjectAttention.Completed => agreements.Where(a => a.Status == AgreementStatus.Completed),
            ProjectAttention.Terminated => agreements.Where(a => a.Status == AgreementStatus.Terminated),
            _ => agreements,
        };

        var rows = from a in agreements
                   join c in db.Calls.AsNoTracking() on a.CallId equals c.Id
                   join o in db.Organizations.AsNoTracking() on a.OrganizationId equals o.Id
                   select new { a, c, o };
        if (f.RegionId is { } region)
        {
            var regionId = new RegionId(region);
            rows = rows.Where(r => r.o.RegionId == regionId);
        }

        if (f.PriorityAreaId is { } area)
        {
            var areaId = new PriorityAreaId(area);
            rows = rows.Where(r => r.c.PriorityAreaId == areaId);
        }

        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var totals = await rows.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Planned = g.Sum(r => r.a.Status == AgreementStatus.Terminated ? r.a.PaidAmount : r.a.TotalAmount), Paid = g.Sum(r => r.a.PaidAmount) })
            .SingleOrDefaultAsync(cancellationToken);
        var items = await rows
            .Select(r => new
            {
                r.a.Id, r.a.Number, r.a.ProjectTitle, r.o.Name, CallId = r.c.Id, r.c.ReferenceNumber, r.a.Status,
                Attention = r.a.Status == AgreementStatus.Draft ? ProjectAttention.AwaitingIssue
                    : r.a.Status == AgreementStatus.Issued ? ProjectAttention.AwaitingAcceptance
                    : r.a.Status == AgreementStatus.Accepted && r.a.PayableSince != null ? ProjectAttention.TranchePayable
                    : r.a.Status == AgreementStatus.Accepted && db.MonitoringVisits.Any(v => v.AgreementId == r.a.Id && v.OpenActions > 0) ? ProjectAttention.CorrectiveActionOpen
                    : r.a.Status == AgreementStatus.Accepted ? ProjectAttention.OnTrack
                    : r.a.Status == AgreementStatus.Completed ? ProjectAttention.Completed
                    : ProjectAttention.Terminated,
                r.a.TotalAmount, r.a.PaidAmount, r.a.PayableSince, TermStart = r.a.Term.Start, TermEnd = r.a.Term.End,
            })
            .OrderBy(r => r.Attention).ThenBy(r => r.PayableSince).ThenBy(r => r.TermEnd).ThenBy(r => r.Number)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        var page1 = items.Select(r => new PortfolioRow(
            r.Id.Value, r.Number, r.ProjectTitle, r.Name, r.CallId.Value, r.ReferenceNumber, r.Status, r.Attention, r.TotalAmount, r.PaidAmount, r.PayableSince,
            r.TermStart, r.TermEnd)).ToList();
        return new Portfolio(new PagedList<PortfolioRow>(page1, page, size, totals?.Count ?? 0), totals?.Planned ?? 0m, totals?.Paid ?? 0m);
    }
}
