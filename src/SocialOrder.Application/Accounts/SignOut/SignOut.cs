using FluentValidation;
using Mediator;
using SocialOrder.Application.Accounts.SignIn;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Accounts.SignOut;

public sealed record SignOutCommand : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", null);
}

public sealed class SignOutCommandHandler(IIdentityService identity) : ICommandHandler<SignOutCommand, Result>
{
    public async ValueTask<Result> Handle(SignOutCommand command, CancellationToken cancellationToken)
    {
        await identity.SignOutAsync();
        return Result.Success();
    }
}
