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

namespace SocialOrder.Application.Bids.SaveBidDraft;

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
