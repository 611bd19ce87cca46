using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Agreements.Monitoring;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Monitoring;

/// <summary>
/// Who reaches a visit: the officials (changes) and observers (remarks, if invited) of its body, and the members of its
/// organization (answers). Anyone else finds nothing: another body or another organization gets 404.
/// </summary>
internal static class MonitoringAccess
{
    public static async Task<MonitoringVisit?> FindVisitForOfficialAsync(this IAppDbContext db, ICurrentUser user, Guid agreementId, Guid visitId, CancellationToken cancellationToken)
    {
        if (user.StateBodyId is not { } body || !user.IsInRole(Roles.Official))
        {
            return null;
        }

        var (a, v, b) = (new AgreementId(agreementId), new MonitoringVisitId(visitId), new StateBodyId(body));
        return await db.MonitoringVisits.SingleOrDefaultAsync(x => x.Id == v && x.AgreementId == a && x.StateBodyId == b, cancellationToken);
    }

    public static async Task<MonitoringVisit?> FindVisitForObserverAsync(this IAppDbContext db, ICurrentUser user, Guid agreementId, Guid visitId, CancellationToken cancellationToken)
    {
        if (user.StateBodyId is not { } body || !user.IsInRole(Roles.Observer))
        {
            return null;
        }

        var (a, v, b) = (new AgreementId(agreementId), new MonitoringVisitId(visitId), new StateBodyId(body));
        return await db.MonitoringVisits.SingleOrDefaultAsync(x => x.Id == v && x.AgreementId == a && x.StateBodyId == b, cancellationToken);
    }

    /// <summary>A visit of an organization the user is a member of (any role); the agreement must be issued for members to see it.</summary>
    public static async Task<MonitoringVisit?> FindVisitForMemberAsync(this IAppDbContext db, ICurrentUser user, Guid agreementId, Guid visitId, CancellationToken cancellationToken)
    {
        if (user.Id is not { } userId)
        {
            return null;
        }

        var (a, v) = (new AgreementId(agreementId), new MonitoringVisitId(visitId));
        var organizations = db.Organizations.Where(o => o.Members.Any(m => m.UserId == userId)).Select(o => o.Id);
        return await db.MonitoringVisits.SingleOrDefaultAsync(x => x.Id == v && x.AgreementId == a && organizations.Contains(x.OrganizationId), cancellationToken);
    }

    public static Task<AgreementStatus> AgreementStatusAsync(this IAppDbContext db, AgreementId id, CancellationToken cancellationToken) =>
        db.Agreements.AsNoTracking().Where(a => a.Id == id).Select(a => a.Status).SingleAsync(cancellationToken);

    /// <summary>E-mail addresses and languages of the organization's members.</summary>
    public static async Task<List<(string Email, string Culture)>> MembersAsync(this IAppDbContext db, OrganizationId organizationId, CancellationToken cancellationToken)
    {
        var memberIds = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .SelectMany(o => o.Members).Select(m => m.UserId).ToListAsync(cancellationToken);
        var people = await db.QueryUsers(null).Where(u => memberIds.Contains(u.Id)).Select(u => new { u.Email, u.PreferredCulture }).ToListAsync(cancellationToken);
        return [.. people.Select(p => (p.Email, p.PreferredCulture))];
    }
}
