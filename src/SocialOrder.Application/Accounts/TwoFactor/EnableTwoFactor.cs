using FluentValidation;
using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Accounts.TwoFactor;

/// <summary>The user confirms enrolment with a code from the app; the answer is ten recovery codes, shown once.</summary>
public sealed record EnableTwoFactorCommand(string Code) : ICommand<Result<IReadOnlyList<string>>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", null);
}

public sealed class EnableTwoFactorCommandValidator : AbstractValidator<EnableTwoFactorCommand>
{
    public EnableTwoFactorCommandValidator() => RuleFor(c => c.Code).NotEmpty().MaximumLength(16);
}

public sealed class EnableTwoFactorCommandHandler(IIdentityService identity, ICurrentUser user)
    : ICommandHandler<EnableTwoFactorCommand, Result<IReadOnlyList<string>>>
{
    public async ValueTask<Result<IReadOnlyList<string>>> Handle(EnableTwoFactorCommand command, CancellationToken cancellationToken) =>
        user.Id is { } id
            ? await identity.EnableTwoFactorAsync(id, command.Code.Trim())
            : Result<IReadOnlyList<string>>.Forbidden();
}
