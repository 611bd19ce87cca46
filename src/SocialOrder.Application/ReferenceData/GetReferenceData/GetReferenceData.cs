using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Common;

namespace SocialOrder.Application.ReferenceData.GetReferenceData;

public sealed record ReferenceItem(string Id, string Code, LocalizedText Name, bool IsActive = true);

public sealed record StateBodyItem(Guid Id, LocalizedText Name, string Bin, string Kind, LocalizedText? Region, int? RegionId = null);

public sealed record ReferenceDataView(
    IReadOnlyList<ReferenceItem> Regions, IReadOnlyList<ReferenceItem> PriorityAreas, IReadOnlyList<StateBodyItem> StateBodies);

/// <summary>Regions, priority areas and state bodies; inactive regions and areas (ADR 31) only when asked (the administration).</summary>
public sealed record GetReferenceDataQuery(bool IncludeInactive = false) : IQuery<ReferenceDataView>;

public sealed class GetReferenceDataQueryHandler(IAppDbContext db) : IQueryHandler<GetReferenceDataQuery, ReferenceDataView>
{
    public async ValueTask<ReferenceDataView> Handle(GetReferenceDataQuery query, CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code)
            .Select(r => new { r.Id, r.Code, r.Name, r.IsActive }).ToListAsync(cancellationToken);
        var areas = await db.PriorityAreas.AsNoTracking().Where(a => query.IncludeInactive || a.IsActive).OrderBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Name, a.IsActive }).ToListAsync(cancellationToken);
        var bodies = await db.StateBodies.AsNoTracking()
            .Select(b => new { b.Id, b.Name, b.Bin, b.Kind, b.RegionId }).ToListAsync(cancellationToken);
        var regionNames = regions.ToDictionary(r => r.Id, r => r.Name);
        return new ReferenceDataView(
            regions.Where(r => query.IncludeInactive || r.IsActive)
                .Select(r => new ReferenceItem(r.Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Code, r.Name, r.IsActive)).ToList(),
            areas.Select(a => new ReferenceItem(a.Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Code, a.Name, a.IsActive)).ToList(),
            bodies
                .Select(b => new StateBodyItem(b.Id.Value, b.Name, b.Bin, b.Kind.ToString(), b.RegionId is { } rid ? regionNames.GetValueOrDefault(rid) : null, b.RegionId?.Value))
                .OrderBy(b => b.Name.Ru, StringComparer.Ordinal)
                .ToList());
    }
}
