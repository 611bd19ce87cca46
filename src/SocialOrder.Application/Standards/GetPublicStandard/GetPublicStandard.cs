using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Standards;

namespace SocialOrder.Application.Standards.GetPublicStandard;

public sealed record StandardVersionRow(int Version, StandardStatus Status, DateTimeOffset? PublishedAt, DateTimeOffset? SupersededAt);

public sealed record PublicStandard(
    string Code, int Version, StandardStatus Status, StandardContent Content, LocalizedText? PriorityArea, DateTimeOffset? PublishedAt,
    DateTimeOffset? SupersededAt, IReadOnlyList<StandardVersionRow> Versions);

/// <summary>One published or superseded version of a standard (no sign-in); a draft or an unknown version is null (404).</summary>
public sealed record GetPublicStandardQuery(string Code, int Version) : IQuery<PublicStandard?>;

public sealed class GetPublicStandardQueryHandler(IAppDbContext db) : IQueryHandler<GetPublicStandardQuery, PublicStandard?>
{
    public async ValueTask<PublicStandard?> Handle(GetPublicStandardQuery query, CancellationToken cancellationToken)
    {
        var code = (query.Code ?? string.Empty).Trim().ToUpperInvariant();
        if (code.Length is 0 or > 20)
        {
            return null;
        }

        var s = await db.Public().SingleOrDefaultAsync(x => x.Code == code && x.Version == query.Version, cancellationToken);
        if (s is null)
        {
            return null;
        }

        var area = s.PriorityAreaId is { } areaId
            ? await db.PriorityAreas.AsNoTracking().Where(a => a.Id == areaId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var versions = await db.Public().Where(x => x.Code == code).OrderByDescending(x => x.Version)
            .Select(x => new StandardVersionRow(x.Version, x.Status, x.PublishedAt, x.SupersededAt))
            .ToListAsync(cancellationToken);
        return new PublicStandard(s.Code, s.Version, s.Status, s.Content, area, s.PublishedAt, s.SupersededAt, versions);
    }
}
