using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Standards;

namespace SocialOrder.Application.Standards.GetStandardChoices;

public sealed record StandardChoice(Guid Id, string Code, int Version, LocalizedText Title, int? PriorityAreaId, decimal? UnitCostNorm, UnitCostBasis UnitCostBasis);

/// <summary>The published (current) standard versions a call editor offers.</summary>
public sealed record GetStandardChoicesQuery : IQuery<IReadOnlyList<StandardChoice>>;

public sealed class GetStandardChoicesQueryHandler(IAppDbContext db) : IQueryHandler<GetStandardChoicesQuery, IReadOnlyList<StandardChoice>>
{
    public async ValueTask<IReadOnlyList<StandardChoice>> Handle(GetStandardChoicesQuery query, CancellationToken cancellationToken) =>
        await db.ServiceStandards.AsNoTracking()
            .Where(s => s.Status == StandardStatus.Published)
            .OrderBy(s => s.Code)
            .Take(500)
            .Select(s => new StandardChoice(s.Id.Value, s.Code, s.Version, s.Title, s.PriorityAreaId == null ? null : s.PriorityAreaId.Value.Value, s.UnitCostNorm, s.UnitCostBasis))
            .ToListAsync(cancellationToken);
}
