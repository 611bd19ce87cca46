using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Calls;

namespace SocialOrder.Application.Awards.GetProtocolVersions;

/// <summary>A protocol issued before an upheld complaint reopened the decision, and why it was reopened.</summary>
public sealed record ProtocolVersionView(int Version, string Number, DateTimeOffset LockedAt, string DecisionSha256, string? KkSha256, string? RuSha256, string? ReopenedBecause, DateTimeOffset? ReopenedAt);

/// <summary>The earlier protocol versions of a call, oldest first: public, like the protocols themselves (ADR 28).</summary>
public sealed record GetProtocolVersionsQuery(Guid CallId) : IQuery<IReadOnlyList<ProtocolVersionView>>;

public sealed class GetProtocolVersionsQueryHandler(IAppDbContext db) : IQueryHandler<GetProtocolVersionsQuery, IReadOnlyList<ProtocolVersionView>>
{
    public async ValueTask<IReadOnlyList<ProtocolVersionView>> Handle(GetProtocolVersionsQuery query, CancellationToken cancellationToken)
    {
        var callId = new CallId(query.CallId);
        var decision = await db.AwardDecisions.AsNoTracking().Where(d => d.CallId == callId)
            .Select(d => new { d.EarlierProtocols, d.Reopenings }).SingleOrDefaultAsync(cancellationToken);
        if (decision is null)
        {
            return [];
        }

        return [.. decision.EarlierProtocols.OrderBy(p => p.Version).Select(p =>
        {
            var reopening = decision.Reopenings.FirstOrDefault(r => r.FromProtocolVersion == p.Version);
            return new ProtocolVersionView(p.Version, p.Number, p.LockedAt, p.DecisionSha256, p.KkSha256, p.RuSha256, reopening?.Reason, reopening?.At);
        })];
    }
}
