using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Agreements;

/// <summary>Who reaches an agreement: the officials and observers of its state body, and the members of its organization.</summary>
internal static class AgreementAccess
{
    /// <summary>An official of the agreement's body, for changes; everyone else (another body included) finds nothing.</summary>
    public static async Task<Agreement?> FindForOfficialAsync(this IAppDbContext db, ICurrentUser user, Guid agreementId, CancellationToken cancellationToken)
    {
        if (user.StateBodyId is not { } body || !user.IsInRole(Roles.Official))
        {
            return null;
        }

        var id = new AgreementId(agreementId);
        var bodyId = new StateBodyId(body);
        return await db.Agreements.SingleOrDefaultAsync(a => a.Id == id && a.StateBodyId == bodyId, cancellationToken);
    }

    /// <summary>Officials and observers of the body see every agreement of it; members of the organization see it once issued.</summary>
    public static async Task<(Agreement Agreement, AgreementViewer Viewer)?> FindForReaderAsync(this IAppDbContext db, ICurrentUser user, Guid agreementId, CancellationToken cancellationToken)
    {
        var id = new AgreementId(agreementId);
        var agreement = await db.Agreements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agreement is null || user.Id is not { } userId)
        {
            return null;
        }

        if (user.StateBodyId is { } body && agreement.StateBodyId.Value == body)
        {
            if (user.IsInRole(Roles.Official))
            {
                return (agreement, AgreementViewer.Official);
            }

            if (user.IsInRole(Roles.Observer))
            {
                return (agreement, AgreementViewer.Observer);
            }
        }

        var membership = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == agreement.OrganizationId)
            .SelectMany(o => o.Members)
            .Where(m => m.UserId == userId)
            .Select(m => (Domain.Organizations.MemberRole?)m.Role)
            .SingleOrDefaultAsync(cancellationToken);
        if (membership is { } role && agreement.Status != AgreementStatus.Draft)
        {
            return (agreement, role == Domain.Organizations.MemberRole.Administrator ? AgreementViewer.OrganizationAdministrator : AgreementViewer.OrganizationMember);
        }

        return null;
    }
}

public enum AgreementViewer
{
    Official,
    Observer,
    OrganizationAdministrator,
    OrganizationMember,
}
