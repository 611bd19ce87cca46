using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;

namespace SocialOrder.Application.Organizations.GetOrganizationMembers;

public sealed record AdminMemberItem(Guid UserId, string FullName, string Email, MemberRole Role, DateTimeOffset JoinedAt, bool EmailConfirmed, bool IsActive);

public sealed record AdminOrganizationMembers(Guid Id, LocalizedText Name, string Bin, IReadOnlyList<AdminMemberItem> Members);

/// <summary>An organization's members as an administrator sees them: names, roles, confirmed e-mail, active (ADR 31).</summary>
public sealed record GetOrganizationMembersQuery(Guid OrganizationId) : IQuery<AdminOrganizationMembers?>;

public sealed class GetOrganizationMembersQueryHandler(IAppDbContext db, ICurrentUser user)
    : IQueryHandler<GetOrganizationMembersQuery, AdminOrganizationMembers?>
{
    public async ValueTask<AdminOrganizationMembers?> Handle(GetOrganizationMembersQuery query, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Administrator))
        {
            return null;
        }

        var id = new OrganizationId(query.OrganizationId);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { o.Name, o.Bin, Members = o.Members.Select(m => new { m.UserId, m.Role, m.JoinedAt }).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (organization is null)
        {
            return null;
        }

        var ids = organization.Members.Select(m => m.UserId).ToList();
        var accounts = await db.QueryUsers(null).Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.FullName, u.Email, u.EmailConfirmed, u.DeactivatedAt })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var members = organization.Members
            .Where(m => accounts.ContainsKey(m.UserId))
            .Select(m =>
            {
                var a = accounts[m.UserId];
                return new AdminMemberItem(m.UserId, a.FullName, a.Email, m.Role, m.JoinedAt, a.EmailConfirmed, a.DeactivatedAt is null);
            })
            .OrderBy(m => m.Role).ThenBy(m => m.FullName, StringComparer.Ordinal)
            .ToList();
        return new AdminOrganizationMembers(query.OrganizationId, organization.Name, organization.Bin.Value, members);
    }
}
