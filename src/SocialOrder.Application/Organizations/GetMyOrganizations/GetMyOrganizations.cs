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

namespace SocialOrder.Application.Organizations.GetMyOrganizations;

public sealed record MyOrganizationRow(Guid Id, string Bin, LocalizedText Name, MemberRole Role);

public sealed record GetMyOrganizationsQuery : IQuery<IReadOnlyList<MyOrganizationRow>>;

public sealed class GetMyOrganizationsQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetMyOrganizationsQuery, IReadOnlyList<MyOrganizationRow>>
{
    public async ValueTask<IReadOnlyList<MyOrganizationRow>> Handle(GetMyOrganizationsQuery query, CancellationToken cancellationToken)
    {
        if (user.Id is not { } userId)
        {
            return [];
        }

        var rows = await db.Organizations.AsNoTracking()
            .Where(o => o.Members.Any(m => m.UserId == userId))
            .OrderBy(o => o.Name.Ru)
            .Select(o => new { o.Id, o.Bin, o.Name, Role = o.Members.First(m => m.UserId == userId).Role })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MyOrganizationRow(r.Id.Value, r.Bin.Value, r.Name, r.Role)).ToList();
    }
}
