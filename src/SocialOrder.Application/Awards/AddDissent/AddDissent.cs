using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Awards;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Awards.AddDissent;

/// <summary>A dissenting opinion, recorded by the member themselves or by the secretary in the member's name.</summary>
public sealed record AddDissentCommand(Guid CallId, Guid MemberId, string Text) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Call", CallId.ToString());
}

public sealed class AddDissentCommandValidator : AbstractValidator<AddDissentCommand>
{
    public AddDissentCommandValidator() => RuleFor(c => c.Text).NotEmpty().WithErrorCode("Rule.DissentNeedsText").MaximumLength(4000).NoMarkup();
}

public sealed class AddDissentCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<AddDissentCommand, Result>
{
    public async ValueTask<Result> Handle(AddDissentCommand command, CancellationToken cancellationToken)
    {
        var decision = await DecisionAccess.FindOwnDraftAsync(db, user, command.CallId, cancellationToken);
        if (decision is null || user.Id is not { } id)
        {
            return Result.NotFound();
        }

        if (id != command.MemberId && !decision.Members.Any(m => m.UserId == id && m.Role == CommissionRole.Secretary))
        {
            return Result.Failure(ResultStatus.RuleBroken, [new Error("Rule.OnlySecretaryChanges")]);
        }

        decision.AddDissent(command.MemberId, command.Text, time.GetUtcNow());
        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Award.ChangedConcurrently");
    }
}
