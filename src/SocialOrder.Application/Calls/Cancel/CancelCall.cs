using FluentValidation;
using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;

namespace SocialOrder.Application.Calls.Cancel;

public sealed record CancelCallCommand(Guid CallId, string Reason) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Call", CallId.ToString());
}

public sealed class CancelCallCommandValidator : AbstractValidator<CancelCallCommand>
{
    public CancelCallCommandValidator() =>
        RuleFor(c => c.Reason).NotEmpty().MinimumLength(10).MaximumLength(2000).NoMarkup();
}

public sealed class CancelCallCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<CancelCallCommand, Result>
{
    public async ValueTask<Result> Handle(CancelCallCommand command, CancellationToken cancellationToken)
    {
        var call = await db.FindOwnAsync(user, command.CallId, cancellationToken);
        if (call is null)
        {
            return Result.NotFound();
        }

        call.Cancel(command.Reason, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
