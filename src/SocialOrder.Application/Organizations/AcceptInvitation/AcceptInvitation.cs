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

namespace SocialOrder.Application.Organizations.AcceptInvitation;

/// <summary>The invited person, signed in with the invited address, joins the organization.</summary>
public sealed record AcceptInvitationCommand(string Token) : ICommand<Result<Guid>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Organization", null);
}

public sealed class AcceptInvitationCommandHandler(IAppDbContext db, ICurrentUser user, IIdentityService identity, TimeProvider time)
    : ICommandHandler<AcceptInvitationCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(AcceptInvitationCommand c, CancellationToken cancellationToken)
    {
        if (user.Id is not { } userId || !user.IsInRole(Roles.Applicant) || await identity.FindAsync(userId) is not { } me)
        {
            return Result<Guid>.Forbidden();
        }

        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Invitations.Any(i => i.Token == c.Token), cancellationToken);
        if (organization is null)
        {
            return Result<Guid>.Failure(ResultStatus.RuleBroken, [new Error("Rule.InvitationInvalid")]);
        }

        organization.AcceptInvitation(c.Token, userId, me.Email, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return organization.Id.Value;
    }
}
