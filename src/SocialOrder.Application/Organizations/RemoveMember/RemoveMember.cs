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

namespace SocialOrder.Application.Organizations.RemoveMember;

public sealed record RemoveMemberCommand(Guid OrganizationId, Guid UserId) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Organization", OrganizationId.ToString());
}

public sealed class RemoveMemberCommandHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<RemoveMemberCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveMemberCommand c, CancellationToken cancellationToken)
    {
        var id = new OrganizationId(c.OrganizationId);
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null || user.Id is not { } userId || !organization.IsMember(userId))
        {
            return Result.NotFound();
        }

        organization.RemoveMember(userId, c.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
