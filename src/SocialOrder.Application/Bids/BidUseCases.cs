using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;

namespace SocialOrder.Application.Bids;

/// <summary>"Apply": one bid per organization per call; a second attempt opens the existing one.</summary>
public sealed record StartBidCommand(Guid CallId, Guid OrganizationId) : ICommand<Result<Guid>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Call", CallId.ToString());
}

public sealed class StartBidCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<StartBidCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(StartBidCommand c, CancellationToken cancellationToken)
    {
        var organizationId = new OrganizationId(c.OrganizationId);
        if (!await db.IsMemberAsync(user, organizationId, cancellationToken))
        {
            return Result<Guid>.NotFound();
        }

        var callId = new CallId(c.CallId);
        var existing = await db.Bids.AsNoTracking().Where(b => b.CallId == callId && b.OrganizationId == organizationId).Select(b => (Guid?)b.Id.Value).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return id;
        }

        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(x => x.Id == callId && x.Status != CallStatus.Draft, cancellationToken);
        if (call is null)
        {
            return Result<Guid>.NotFound();
        }

        var bid = Bid.Start(call, organizationId, user.Id!.Value, time.GetUtcNow());
        db.Bids.Add(bid);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            var raced = await db.Bids.AsNoTracking().Where(b => b.CallId == callId && b.OrganizationId == organizationId).Select(b => (Guid?)b.Id.Value).SingleOrDefaultAsync(cancellationToken);
            if (raced is { } racedId)
            {
                return racedId;
            }

            throw;
        }

        return bid.Id.Value;
    }
}

public sealed record ActivityInput(string? Name, int? StartMonth, int? EndMonth);

public sealed record IndicatorInput(string? Name, string? Baseline, string? Target);

public sealed record BudgetLineInput(int? Year, BudgetCategory Category, string? Description, decimal? Amount);

/// <summary>Autosave and explicit save of the working draft; <see cref="Revision"/> is the one the editor started from.</summary>
public sealed record SaveBidDraftCommand(
    Guid BidId,
    int Revision,
    string? Title,
    string? Summary,
    string? Problem,
    string? TargetGroup,
    string? Objectives,
    IReadOnlyList<ActivityInput> Activities,
    string? ExpectedResults,
    IReadOnlyList<IndicatorInput> Indicators,
    string? Sustainability,
    string? Team,
    IReadOnlyList<BudgetLineInput> Budget,
    decimal? RequestedAmount,
    decimal? CoFinancing) : ICommand<Result<int>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Bid", BidId.ToString());

    public BidContent ToContent() => new(
        T(Title), T(Summary), T(Problem), T(TargetGroup), T(Objectives),
        Activities.Where(a => !string.IsNullOrWhiteSpace(a.Name)).Select(a => new Activity(T(a.Name), a.StartMonth ?? 0, a.EndMonth ?? 0)).ToList(),
        T(ExpectedResults),
        Indicators.Where(i => !string.IsNullOrWhiteSpace(i.Name)).Select(i => new Indicator(T(i.Name), T(i.Baseline), T(i.Target))).ToList(),
        T(Sustainability), T(Team),
        Budget.Where(b => b.Amount is not null || !string.IsNullOrWhiteSpace(b.Description)).Select(b => new BudgetLine(b.Year ?? 0, b.Category, T(b.Description), b.Amount ?? 0)).ToList(),
        RequestedAmount ?? 0,
        CoFinancing ?? 0);

    private static string T(string? s) => (s ?? string.Empty).Trim();
}

public sealed class SaveBidDraftCommandValidator : AbstractValidator<SaveBidDraftCommand>
{
    public SaveBidDraftCommandValidator()
    {
        RuleFor(c => c.Title).MaximumLength(300).NoMarkup();
        RuleFor(c => c.Summary).MaximumLength(3000).NoMarkup();
        RuleFor(c => c.Problem).MaximumLength(10000).NoMarkup();
        RuleFor(c => c.TargetGroup).MaximumLength(10000).NoMarkup();
        RuleFor(c => c.Objectives).MaximumLength(10000).NoMarkup();
        RuleFor(c => c.ExpectedResults).MaximumLength(10000).NoMarkup();
        RuleFor(c => c.Sustainability).MaximumLength(10000).NoMarkup();
        RuleFor(c => c.Team).MaximumLength(10000).NoMarkup();
        RuleFor(c => c.RequestedAmount).GreaterThan(0).WithErrorCode("Bid.RequestedNotPositive").LessThan(1_000_000_000_000m);
        RuleFor(c => c.CoFinancing).GreaterThanOrEqualTo(0).LessThan(1_000_000_000_000m);
        RuleFor(c => c.Activities).Must(a => a.Count <= 100);
        RuleForEach(c => c.Activities).ChildRules(a =>
        {
            a.RuleFor(x => x.Name).MaximumLength(500).NoMarkup();
            a.RuleFor(x => x.StartMonth).InclusiveBetween(1, 36);
            a.RuleFor(x => x.EndMonth).InclusiveBetween(1, 36);
            a.RuleFor(x => x.EndMonth).GreaterThanOrEqualTo(x => x.StartMonth).When(x => x.StartMonth is not null && x.EndMonth is not null);
        });
        RuleFor(c => c.Indicators).Must(i => i.Count <= 100);
        RuleForEach(c => c.Indicators).ChildRules(i =>
        {
            i.RuleFor(x => x.Name).MaximumLength(500).NoMarkup();
            i.RuleFor(x => x.Baseline).MaximumLength(200).NoMarkup();
            i.RuleFor(x => x.Target).MaximumLength(200).NoMarkup();
        });
        RuleFor(c => c.Budget).Must(b => b.Count <= 300);
        RuleForEach(c => c.Budget).ChildRules(b =>
        {
            b.RuleFor(x => x.Year).InclusiveBetween(1, 3);
            b.RuleFor(x => x.Category).IsInEnum();
            b.RuleFor(x => x.Description).MaximumLength(500).NoMarkup();
            b.RuleFor(x => x.Amount).GreaterThanOrEqualTo(0).LessThan(1_000_000_000_000m);
        });
    }
}

public sealed class SaveBidDraftCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<SaveBidDraftCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(SaveBidDraftCommand c, CancellationToken cancellationToken)
    {
        var bid = await db.FindOwnBidAsync(user, c.BidId, cancellationToken);
        if (bid is null)
        {
            return Result<int>.NotFound();
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(x => x.Id == bid.CallId, cancellationToken);
        if (bid.Revision != c.Revision)
        {
            return Result<int>.Conflict("Rule.BidChangedByColleague");
        }

        bid.SaveDraft(call, c.ToContent(), c.Revision, user.Id!.Value, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<int>.Conflict("Rule.BidChangedByColleague");
        }

        return bid.Revision;
    }
}

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

            var now = time.GetUtcNow();
            var problems = bid!.SubmissionProblems(call!);
            if (call!.AcceptsSubmissionsAt(now) && problems.Count > 0)
            {
                return Result<Guid>.Failure(ResultStatus.RuleBroken, problems.Select(p => new Error(p.Code, p.Field, p.Arg is null ? null : [p.Arg])).ToList());
            }

            // Outside the window the domain refuses (and the transaction, counter included, rolls back).
            var receipt = await numbers.NextAsync("RCP", KazakhstanTime.ToLocal(now).Year, cancellationToken);
            var submission = bid!.Submit(call, receipt, c.IdempotencyKey, user.Id!.Value, now);
            db.BidSubmissions.Add(submission);
            await db.SaveChangesAsync(cancellationToken);
            await db.CommitAsync(cancellationToken);
            return submission.Id;
        }
    }
}

public sealed record WithdrawBidCommand(Guid BidId) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Bid", BidId.ToString());
}

public sealed class WithdrawBidCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<WithdrawBidCommand, Result>
{
    public async ValueTask<Result> Handle(WithdrawBidCommand c, CancellationToken cancellationToken)
    {
        var owned = await db.FindOwnBidAsync(user, c.BidId, cancellationToken, track: false);
        if (owned is null)
        {
            return Result.NotFound();
        }

        await using (await db.BeginTransactionAsync(cancellationToken))
        {
            var call = await db.LockCallAsync(owned.CallId, cancellationToken);
            var bid = await db.LockBidAsync(owned.Id, cancellationToken);
            bid!.Withdraw(call!, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await db.CommitAsync(cancellationToken);
        }

        return Result.Success();
    }
}
