using FluentValidation;
using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;

namespace SocialOrder.Application.Accounts.ResendEmailConfirmation;

/// <summary>A new confirmation link for an unconfirmed account; the same answer for unknown or confirmed addresses.</summary>
public sealed record ResendEmailConfirmationCommand(string Email, string Culture) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", null);
}

public sealed class ResendEmailConfirmationCommandValidator : AbstractValidator<ResendEmailConfirmationCommand>
{
    public ResendEmailConfirmationCommandValidator() => RuleFor(c => c.Email).ValidEmail();
}

public sealed class ResendEmailConfirmationCommandHandler(IIdentityService identity, IEmailSender email, IPortalLinks links)
    : ICommandHandler<ResendEmailConfirmationCommand, Result>
{
    public async ValueTask<Result> Handle(ResendEmailConfirmationCommand command, CancellationToken cancellationToken)
    {
        var address = command.Email.Trim();
        if (await identity.GenerateConfirmationForUnconfirmedAsync(address) is { } pending)
        {
            await email.SendAsync(AccountEmails.Confirmation(address, pending.FullName, links.ConfirmEmail(pending.UserId, pending.Token), command.Culture), cancellationToken);
        }

        return Result.Success();
    }
}
