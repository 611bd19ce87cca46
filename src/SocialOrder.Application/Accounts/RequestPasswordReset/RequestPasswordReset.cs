using FluentValidation;
using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;

namespace SocialOrder.Application.Accounts.RequestPasswordReset;

/// <summary>Always succeeds, whether or not the address is known, so the form cannot be used to find accounts.</summary>
public sealed record RequestPasswordResetCommand(string Email, string Culture) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", null);
}

public sealed class RequestPasswordResetCommandValidator : AbstractValidator<RequestPasswordResetCommand>
{
    public RequestPasswordResetCommandValidator() => RuleFor(c => c.Email).ValidEmail();
}

public sealed class RequestPasswordResetCommandHandler(IIdentityService identity, IEmailSender email, IPortalLinks links)
    : ICommandHandler<RequestPasswordResetCommand, Result>
{
    public async ValueTask<Result> Handle(RequestPasswordResetCommand command, CancellationToken cancellationToken)
    {
        var reset = await identity.GeneratePasswordResetTokenAsync(command.Email.Trim());
        if (reset is { } r)
        {
            var link = links.ResetPassword(r.UserId, r.Token);
            await email.SendAsync(AccountEmails.PasswordReset(command.Email.Trim(), r.FullName, link, command.Culture), cancellationToken);
        }

        return Result.Success();
    }
}
