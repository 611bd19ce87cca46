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

namespace SocialOrder.Application.Awards.ChangeDecisionLine;

/// <summary>The secretary changes a bid's amount or outcome with a written justification.</summary>
public sealed record ChangeDecisionLineCommand(Guid CallId, Guid BidId, decimal Amount, AwardOutcome Outcome, string? Justification) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Bid", BidId.ToString());
}

public sealed class ChangeDecisionLineCommandValidator : AbstractValidator<ChangeDecisionLineCommand>
{
    public ChangeDecisionLineCommandValidator()
    {
        RuleFor(c => c.Amount).GreaterThanOrEqualTo(0).WithErrorCode("Rule.AmountAboveRequest").PrecisionScale(18, 2, true);
        RuleFor(c => c.Justification).MaximumLength(2000).NoMarkup();
    }
}

public sealed class ChangeDecisionLineCommandHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<ChangeDecisionLineCommand, Result>
{
    public async ValueTask<Result> Handle(ChangeDecisionLineCommand command, CancellationToken cancellationToken)
    {
        var decision = await DecisionAccess.FindOwnDraftAsync(db, user, command.CallId, cancellationToken);
        if (decision is null || user.Id is not { } id)
        {
            return Result.NotFound();
        }

        decision.ChangeLine(id, new BidId(command.BidId), command.Amount, command.Outcome, command.Justification);
        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Award.ChangedConcurrently");
    }
}
