using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Organizations;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Organizations.GetOrganization;

public sealed record MemberView(Guid UserId, string Email, string FullName, MemberRole Role, DateTimeOffset JoinedAt);

public sealed record InvitationView(string Email, DateTimeOffset InvitedAt, DateTimeOffset? AcceptedAt);

public sealed record OrganizationView(
    Guid Id, string Bin, LocalizedText Name, LegalForm LegalForm, LocalizedText Region, string Address, string Phone, string Email,
    string HeadName, string? NgoDatabaseNumber, bool YouAreAdministrator, IReadOnlyList<MemberView> Members, IReadOnlyList<InvitationView> Invitations);

/// <summary>An organization as its members see it; anyone else gets null (404).</summary>
public sealed record GetOrganizationQuery(Guid OrganizationId) : IQuery<OrganizationView?>;

public sealed class GetOrganizationQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetOrganizationQuery, OrganizationView?>
{
    public async ValueTask<OrganizationView?> Handle(GetOrganizationQuery query, CancellationToken cancellationToken)
    {
        var id = new OrganizationId(query.OrganizationId);
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null || user.Id is not { } userId || !organization.IsMember(userId))
        {
            return null;
        }

        var memberIds = organization.Members.Select(m => m.UserId).ToList();
        var people = await db.QueryUsers(null).Where(u => memberIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var region = await db.Regions.AsNoTracking().Where(r => r.Id == organization.RegionId).Select(r => r.Name).SingleAsync(cancellationToken);
        return new OrganizationView(
            organization.Id.Value, organization.Bin.Value, organization.Name, organization.LegalForm, region, organization.Address,
            organization.Phone, organization.Email, organization.HeadName, organization.NgoDatabaseNumber, organization.IsAdministrator(userId),
            organization.Members
                .Select(m => new MemberView(m.UserId, people.GetValueOrDefault(m.UserId)?.Email ?? string.Empty, people.GetValueOrDefault(m.UserId)?.FullName ?? string.Empty, m.Role, m.JoinedAt))
                .OrderBy(m => m.JoinedAt)
                .ToList(),
            organization.Invitations.OrderByDescending(i => i.InvitedAt).Select(i => new InvitationView(i.Email, i.InvitedAt, i.AcceptedAt)).ToList());
    }
}
