using System.Net;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Calls;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Evaluation.ReconcileBid;

/// <summary>An official settles a divergent bid with a reconciliation decision and its reason instead of a further expert.</summary>
public sealed record ReconcileBidCommand(Guid BidId, string Reason) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Bid", BidId.ToString());
}

public sealed class ReconcileBidCommandValidator : AbstractValidator<ReconcileBidCommand>
{
    public ReconcileBidCommandValidator() => RuleFor(c => c.Reason).NotEmpty().WithErrorCode("Rule.ReconciliationNeedsReason").MinimumLength(10).WithErrorCode("Rule.ReconciliationNeedsReason").MaximumLength(2000).NoMarkup();
}

public sealed class ReconcileBidCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<ReconcileBidCommand, Result>
{
    public async ValueTask<Result> Handle(ReconcileBidCommand command, CancellationToken cancellationToken)
    {
        var id = new BidId(command.BidId);
        var bid = await db.Bids.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        var call = bid is null ? null : await db.FindOwnCallAsync(user, bid.CallId.Value, cancellationToken);
        if (bid is null || call is null || user.Id is not { } officialId)
        {
            return Result.NotFound();
        }

        var evaluation = await CallEvaluation.ComputeAsync(db, call, cancellationToken);
        if (evaluation.Bids.SingleOrDefault(b => b.BidId == command.BidId) is not { State: EvaluationState.Divergent })
        {
            return Result.Conflict("Rule.OnlyDivergentBidsReconcile");
        }

        bid.Reconcile(command.Reason, officialId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
