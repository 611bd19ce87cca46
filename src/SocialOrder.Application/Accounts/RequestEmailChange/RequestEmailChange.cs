using FluentValidation;
using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;

namespace SocialOrder.Application.Accounts.RequestEmailChange;

/// <summary>
/// Asks to move the signed-in account to another address: a confirmation link goes to the new address, the old one is
/// told; nothing changes until the link is followed. An address already taken gets no link, but the answer is the same.
/// </summary>
public sealed record RequestEmailChangeCommand(string NewEmail, string CurrentPassword) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", null);
}

public sealed class RequestEmailChangeCommandValidator : AbstractValidator<RequestEmailChangeCommand>
{
    public RequestEmailChangeCommandValidator()
    {
        RuleFor(c => c.NewEmail).ValidEmail();
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(128);
    }
}

public sealed class RequestEmailChangeCommandHandler(IIdentityService identity, ICurrentUser user, IEmailQueue emails, IAppDbContext db, IPortalLinks links)
    : ICommandHandler<RequestEmailChangeCommand, Result>
{
    public async ValueTask<Result> Handle(RequestEmailChangeCommand command, CancellationToken cancellationToken)
    {
        if (user.Id is not { } id)
        {
            return Result.NotFound();
        }

        var newEmail = command.NewEmail.Trim();
        var change = await identity.GenerateEmailChangeTokenAsync(id, command.CurrentPassword, newEmail);
        if (change.IsFailure)
        {
            return change;
        }

        if (change.Value is { } c)
        {
            emails.Enqueue(AccountEmails.ConfirmEmailChange(newEmail, c.FullName, links.ConfirmEmailChange(id, newEmail, c.Token), c.Culture));
            emails.Enqueue(AccountEmails.EmailChangeRequested(c.OldEmail, c.FullName, newEmail, c.Culture));
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result.Success();
    }
}
