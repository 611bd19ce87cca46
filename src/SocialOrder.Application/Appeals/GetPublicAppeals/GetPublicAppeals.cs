using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Appeals;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;

namespace SocialOrder.Application.Appeals.GetPublicAppeals;

/// <summary>A complaint as the public sees it: the organization (a legal person), the reasons and the answer; no person's name, no documents.</summary>
public sealed record PublicAppeal(LocalizedText Organization, int ProtocolVersion, DateTimeOffset FiledAt, string Reasons, AppealStatus Status, string? Answer, DateTimeOffset? AnsweredAt);

/// <summary>The complaints about a published call and their answers, for its public page (at most the latest 50).</summary>
public sealed record GetPublicAppealsQuery(Guid CallId) : IQuery<IReadOnlyList<PublicAppeal>>;

public sealed class GetPublicAppealsQueryHandler(IAppDbContext db) : IQueryHandler<GetPublicAppealsQuery, IReadOnlyList<PublicAppeal>>
{
    public async ValueTask<IReadOnlyList<PublicAppeal>> Handle(GetPublicAppealsQuery query, CancellationToken cancellationToken)
    {
        var callId = new CallId(query.CallId);
        return await (from a in db.Appeals.AsNoTracking()
                      join c in db.Calls.AsNoTracking() on a.CallId equals c.Id
                      join o in db.Organizations.AsNoTracking() on a.OrganizationId equals o.Id
                      where a.CallId == callId && c.Status != CallStatus.Draft
                      orderby a.FiledAt descending
                      select new PublicAppeal(o.Name, a.ProtocolVersion, a.FiledAt, a.Reasons, a.Status, a.Answer, a.AnsweredAt)).Take(50).ToListAsync(cancellationToken);
    }
}
