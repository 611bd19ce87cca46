using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Agreements.Portfolio;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Exports;

/// <summary>An agreement of the body with its call and organization, as the portfolio page joins them.</summary>
/// <remarks>Init properties, not a constructor: EF Core composes further filters only through a member initialisation.</remarks>
internal sealed class PortfolioJoin
{
    public required Agreement Agreement { get; init; }

    public required Call Call { get; init; }

    public required Organization Organization { get; init; }
}

/// <summary>
/// The agreements the portfolio page lists for its filters (call, the organization's region, the call's priority area,
/// attention), for the official's own body only; the page's paging is left out, the export takes every row.
/// </summary>
internal static class PortfolioSource
{
    public static IQueryable<PortfolioJoin>? Rows(IAppDbContext db, ICurrentUser user, PortfolioFilter filter)
    {
        if (OwnCalls.BodyOf(user) is not { } bodyId)
        {
            return null;
        }

        var agreements = db.Agreements.AsNoTracking().Where(a => a.StateBodyId == bodyId);
        if (filter.CallId is { } call)
        {
            var callId = new CallId(call);
            agreements = agreements.Where(a => a.CallId == callId);
        }

        agreements = filter.Attention switch
        {
            ProjectAttention.AwaitingIssue => agreements.Where(a => a.Status == AgreementStatus.Draft),
            ProjectAttention.AwaitingAcceptance => agreements.Where(a => a.Status == AgreementStatus.Issued),
            ProjectAttention.TranchePayable => agreements.Where(a => a.Status == AgreementStatus.Accepted && a.PayableSince != null),
            ProjectAttention.OnTrack => agreements.Where(a => a.Status == AgreementStatus.Accepted && a.PayableSince == null),
            ProjectAttention.Completed => agreements.Where(a => a.Status == AgreementStatus.Completed),
            ProjectAttention.Terminated => agreements.Where(a => a.Status == AgreementStatus.Terminated),
            _ => agreements,
        };

        var rows = from a in agreements
                   join c in db.Calls.AsNoTracking() on a.CallId equals c.Id
                   join o in db.Organizations.AsNoTracking() on a.OrganizationId equals o.Id
                   select new PortfolioJoin { Agreement = a, Call = c, Organization = o };
        if (filter.RegionId is { } region)
        {
            var regionId = new RegionId(region);
            rows = rows.Where(r => r.Organization.RegionId == regionId);
        }

        if (filter.PriorityAreaId is { } area)
        {
            var areaId = new PriorityAreaId(area);
            rows = rows.Where(r => r.Call.PriorityAreaId == areaId);
        }

        return rows;
    }
}
