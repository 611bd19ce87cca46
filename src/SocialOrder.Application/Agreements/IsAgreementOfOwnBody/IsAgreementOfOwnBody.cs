using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Agreements.IsAgreementOfOwnBody;

/// <summary>
/// Whether an agreement belongs to the state body the signed-in official or observer acts for: every staff route taking an
/// agreement id asks this first (the agreements' counterpart of IsCallOfOwnBody), so another body's agreement is 404.
/// </summary>
public sealed record IsAgreementOfOwnBodyQuery(Guid AgreementId) : IQuery<bool>;

public sealed class IsAgreementOfOwnBodyQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<IsAgreementOfOwnBodyQuery, bool>
{
    public async ValueTask<bool> Handle(IsAgreementOfOwnBodyQuery query, CancellationToken cancellationToken)
    {
        if (user.StateBodyId is not { } body || !(user.IsInRole(Roles.Official) || user.IsInRole(Roles.Observer)))
        {
            return false;
        }

        var id = new AgreementId(query.AgreementId);
        var bodyId = new StateBodyId(body);
        return await db.Agreements.AsNoTracking().AnyAsync(a => a.Id == id && a.StateBodyId == bodyId, cancellationToken);
    }
}
