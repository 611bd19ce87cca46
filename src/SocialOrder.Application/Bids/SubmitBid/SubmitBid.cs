using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;

namespace SocialOrder.Application.Bids.SubmitBid;

/// <summary>
/// Submits the current draft as a new version with a receipt. The deadline is judged by one reading of the clock
/// taken inside the transaction, after the call row is share-locked (so a just-moved deadline is seen); that
/// reading is the receipt time. The idempotency key makes a retried or double-clicked submit return the first.
/// </summary>
public sealed record SubmitBidCommand(Guid BidId, Guid IdempotencyKey) : ICommand<Result<Guid>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Bid", BidId.ToString());
}

public sealed class SubmitBidCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IReferenceNumbers numbers)
    : ICommandHandler<SubmitBidCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(SubmitBidCommand c, CancellationToken cancellationToken)
    {
        if (c.IdempotencyKey == Guid.Empty)
        {
            return Result<Guid>.Invalid("Bid.SubmitAgain");
        }

        var owned = await db.FindOwnBidAsync(user, c.BidId, cancellationToken, track: false);
        if (owned is null)
        {
            return Result<Guid>.NotFound();
        }

        await using (await db.BeginTransactionAsync(cancellationToken))
        {
            var call = await db.LockCallAsync(owned.CallId, cancellationToken);
            var bid = await db.LockBidAsync(owned.Id, cancellationToken);
            var earlier = await db.BidSubmissions.AsNoTracking()
                .Where(s => s.IdempotencyKey == c.IdempotencyKey)
                .Select(s => new { s.Id, s.BidId }).SingleOrDefaultAsync(cancellationToken);
            if (earlier is not null)
            {
                // The same click again is answered with its receipt; a key already spent on another bid is not ours to reuse.
                return earlier.BidId == owned.Id ? earlier.Id : Result<Guid>.Invalid("Bid.SubmitAgain");
            }

            var required = await db.RequiredIndicatorsAsync(call!, cancellationToken);
            var now = time.GetUtcNow();
            var problems = bid!.SubmissionProblems(call!, required);
            if (call!.AcceptsSubmissionsAt(now) && problems.Count > 0)
            {
                return Result<Guid>.Failure(ResultStatus.RuleBroken, problems.Select(p => new Error(p.Code, p.Field, p.Arg is null ? null : [p.Arg])).ToList());
            }

            // From a sequence: no row stays locked until commit, so submissions at the deadline do not queue behind each
            // other. Outside the window the domain refuses and the transaction rolls back, leaving a gap (ADR 30).
            var receipt = await numbers.NextFromSequenceAsync("RCP", KazakhstanTime.ToLocal(now).Year, cancellationToken);
            var submission = bid!.Submit(call, required, receipt, c.IdempotencyKey, user.Id!.Value, now);
            db.BidSubmissions.Add(submission);
            await db.SaveChangesAsync(cancellationToken);
            await db.CommitAsync(cancellationToken);
            return submission.Id;
        }
    }
}
