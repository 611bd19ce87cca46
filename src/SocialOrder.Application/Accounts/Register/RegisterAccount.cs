using FluentValidation;
using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;

namespace SocialOrder.Application.Accounts.Register;

public sealed record RegisterAccountCommand(
    string Email, string Password, string ConfirmPassword, string FullName, AccountType AccountType, string Culture)
    : ICommand<Result<Guid>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", null);
}

public sealed class RegisterAccountCommandValidator : AbstractValidator<RegisterAccountCommand>
{
    public RegisterAccountCommandValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.FullName).NotEmpty().MaximumLength(200).NoMarkup();
        RuleFor(c => c.Password).StrongPassword();
        RuleFor(c => c.ConfirmPassword).Equal(c => c.Password).WithErrorCode("Account.PasswordsDoNotMatch");
        RuleFor(c => c.AccountType).IsInEnum();
    }
}

public sealed class RegisterAccountCommandHandler(
    IIdentityService identity, IEmailSender email, IPortalLinks links)
    : ICommandHandler<RegisterAccountCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(RegisterAccountCommand command, CancellationToken cancellationToken)
    {
        var roles = command.AccountType == AccountType.Applicant ? new[] { Roles.Applicant } : [];
        var candidacy = command.AccountType == AccountType.ExpertCandidate ? "Pending" : null;
        var created = await identity.CreateUserAsync(
            new NewAccount(command.Email.Trim(), command.Password, command.FullName.Trim(), command.Culture),
            roles,
            candidacy,
            cancellationToken);
        if (created.Errors is [{ Code: "Account.EmailTaken" }])
        {
            // The page answers as for a new address, so nobody learns who has an account; the owner is told by e-mail.
            if (await identity.GeneratePasswordResetTokenAsync(command.Email.Trim()) is { } reset)
            {
                await email.SendAsync(
                    AccountEmails.AlreadyRegistered(command.Email.Trim(), reset.FullName, links.ResetPassword(reset.UserId, reset.Token), command.Culture), cancellationToken);
            }

            return Guid.Empty;
        }

        if (created.IsFailure)
        {
            return created;
        }

        var token = await identity.GenerateEmailConfirmationTokenAsync(created.Value);
        var link = links.ConfirmEmail(created.Value, token!);
        await email.SendAsync(AccountEmails.Confirmation(command.Email.Trim(), command.FullName.Trim(), link, command.Culture), cancellationToken);
        return created;
    }
}
