using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Bids.CheckEligibility;

/// <summary>
/// An official of the call's state body checks a submitted bid after the deadline (documents present, organization
/// eligible, amount within limits) and marks it eligible, or ineligible with a reason the applicant sees.
/// </summary>
public sealed record CheckEligibilityCommand(Guid BidId, bool Eligible, string? Reason) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Bid", BidId.ToString());
}

public sealed class CheckEligibilityCommandValidator : AbstractValidator<CheckEligibilityCommand>
{
    public CheckEligibilityCommandValidator() => RuleFor(c => c.Reason).MaximumLength(2000).NoMarkup();
}

public sealed class CheckEligibilityCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<CheckEligibilityCommand, Result>
{
    public async ValueTask<Result> Handle(CheckEligibilityCommand c, CancellationToken cancellationToken)
    {
        if (user.Id is not { } officialId || user.StateBodyId is not { } body || !user.IsInRole(Roles.Official))
        {
            return Result.NotFound();
        }

        var id = new BidId(c.BidId);
        var bodyId = new StateBodyId(body);
        var bid = await db.Bids.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        var call = bid is null ? null : await db.Calls.AsNoTracking().SingleOrDefaultAsync(x => x.Id == bid.CallId && x.StateBodyId == bodyId, cancellationToken);
        if (bid is null || call is null)
        {
            return Result.NotFound();
        }

        bid.CheckEligibility(call, c.Eligible, c.Reason, officialId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
