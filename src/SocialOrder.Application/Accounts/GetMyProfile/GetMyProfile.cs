using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Accounts.GetMyProfile;

public sealed record MyProfile(string Email, string FullName, IReadOnlyList<string> Roles, LocalizedText? StateBody, string? ExpertCandidacy);

public sealed record GetMyProfileQuery : IQuery<MyProfile?>;

public sealed class GetMyProfileQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetMyProfileQuery, MyProfile?>
{
    public async ValueTask<MyProfile?> Handle(GetMyProfileQuery query, CancellationToken cancellationToken)
    {
        if (user.Id is not { } id)
        {
            return null;
        }

        var me = await db.QueryUsers(null).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (me is null)
        {
            return null;
        }

        LocalizedText? body = null;
        if (me.StateBodyId is { } bodyId)
        {
            var typed = new StateBodyId(bodyId);
            body = await db.StateBodies.AsNoTracking().Where(b => b.Id == typed).Select(b => b.Name).FirstOrDefaultAsync(cancellationToken);
        }

        return new MyProfile(me.Email, me.FullName, me.Roles, body, me.ExpertCandidacy);
    }
}
