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

namespace SocialOrder.Application.Organizations.InviteMember;

/// <summary>The organization's administrator invites a colleague by e-mail; the link is valid for 14 days.</summary>
public sealed record InviteMemberCommand(Guid OrganizationId, string? Email, string Culture) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Organization", OrganizationId.ToString());
}

public sealed class InviteMemberCommandValidator : AbstractValidator<InviteMemberCommand>
{
    public InviteMemberCommandValidator() => RuleFor(c => c.Email).NotEmpty().MaximumLength(256).EmailAddress();
}

public sealed class InviteMemberCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IEmailQueue emails, IPortalLinks links)
    : ICommandHandler<InviteMemberCommand, Result>
{
    public async ValueTask<Result> Handle(InviteMemberCommand c, CancellationToken cancellationToken)
    {
        var id = new OrganizationId(c.OrganizationId);
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null || user.Id is not { } userId || !organization.IsMember(userId))
        {
            return Result.NotFound();
        }

        var invitation = organization.Invite(userId, c.Email!, time.GetUtcNow());
        var link = links.JoinOrganization(invitation.Token);
        emails.Enqueue(OrganizationEmails.Invitation(invitation.Email, organization.Name, link, c.Culture));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
