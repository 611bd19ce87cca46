using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Accounts.CreateStaffAccount;

/// <summary>An administrator opens an account for an official or a Public Council observer of a state body.</summary>
public sealed record CreateStaffAccountCommand(string Email, string FullName, string Role, Guid? StateBodyId, string Culture)
    : ICommand<Result<Guid>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", null);
}

public sealed class CreateStaffAccountCommandValidator : AbstractValidator<CreateStaffAccountCommand>
{
    public CreateStaffAccountCommandValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.FullName).NotEmpty().MaximumLength(200).NoMarkup();
        RuleFor(c => c.Role).Must(r => r is Roles.Official or Roles.Observer).WithErrorCode("Account.StaffRoleInvalid");
        RuleFor(c => c.StateBodyId).NotEmpty();
    }
}

public sealed class CreateStaffAccountCommandHandler(
    IAppDbContext db, IIdentityService identity, IEmailSender email, IPortalLinks links, ICurrentUser user)
    : ICommandHandler<CreateStaffAccountCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(CreateStaffAccountCommand command, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Administrator))
        {
            return Result<Guid>.Forbidden();
        }

        var bodyId = new StateBodyId(command.StateBodyId!.Value);
        if (!await db.StateBodies.AnyAsync(b => b.Id == bodyId, cancellationToken))
        {
            return Result<Guid>.Invalid("Account.StateBodyUnknown", nameof(command.StateBodyId));
        }

        var created = await identity.CreateStaffUserAsync(
            new StaffAccount(command.Email.Trim(), command.FullName.Trim(), command.Role, command.StateBodyId.Value), cancellationToken);
        if (created.IsFailure)
        {
            return created;
        }

        var reset = await identity.GeneratePasswordResetTokenAsync(command.Email.Trim());
        if (reset is { } r)
        {
            await email.SendAsync(
                AccountEmails.StaffInvitation(command.Email.Trim(), command.FullName.Trim(), links.ResetPassword(r.UserId, r.Token), command.Culture),
                cancellationToken);
        }

        return created;
    }
}
