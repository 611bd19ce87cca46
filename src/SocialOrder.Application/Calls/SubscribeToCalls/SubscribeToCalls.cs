using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Calls.Subscriptions;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Calls.SubscribeToCalls;

/// <summary>
/// "E-mail me about new calls" for a region and a priority area (null: any). Double opt-in: nothing is sent but the
/// confirmation until the link in it is followed. The answer is the same whether or not the address was known.
/// </summary>
public sealed record SubscribeToCallsCommand(string Email, int? RegionId, int? PriorityAreaId, string Culture) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("CallSubscription", null);
}

public sealed class SubscribeToCallsCommandValidator : AbstractValidator<SubscribeToCallsCommand>
{
    public SubscribeToCallsCommandValidator() => RuleFor(c => c.Email).ValidEmail();
}

public sealed class SubscribeToCallsCommandHandler(IAppDbContext db, IEmailQueue emails, IPortalLinks links, TimeProvider time)
    : ICommandHandler<SubscribeToCallsCommand, Result>
{
    private static readonly string[] Cultures = ["ru", "kk", "en"];

    public async ValueTask<Result> Handle(SubscribeToCallsCommand command, CancellationToken cancellationToken)
    {
        RegionId? region = command.RegionId is { } r ? new RegionId(r) : null;
        PriorityAreaId? area = command.PriorityAreaId is { } a ? new PriorityAreaId(a) : null;
        var regionName = region is { } rid
            ? await db.Regions.AsNoTracking().Where(x => x.Id == rid).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (region is not null && regionName is null)
        {
            return Result.Invalid("Validation.UnknownRegion", nameof(command.RegionId));
        }

        var areaName = area is { } aid
            ? await db.PriorityAreas.AsNoTracking().Where(x => x.Id == aid).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (area is not null && areaName is null)
        {
            return Result.Invalid("Subscription.UnknownArea", nameof(command.PriorityAreaId));
        }

        var culture = Cultures.Contains(command.Culture) ? command.Culture : "ru";
        var email = command.Email.Trim().ToLowerInvariant();
        var subscription = await db.CallSubscriptions
            .Where(s => s.Email == email && s.RegionId == region && s.PriorityAreaId == area)
            .FirstOrDefaultAsync(cancellationToken);
        if (subscription is null)
        {
            subscription = CallSubscription.Create(email, region, area, culture, time.GetUtcNow());
            db.CallSubscriptions.Add(subscription);
        }

        emails.Enqueue(SubscriptionEmails.Confirmation(
            subscription.Email, culture, regionName, areaName, links.ConfirmSubscription(subscription.Token), links.Unsubscribe(subscription.Token)));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
