using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Calls.Subscriptions;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Calls.ConfirmCallSubscription;

/// <summary>Activates a subscription from the link in its confirmation e-mail.</summary>
public sealed record ConfirmCallSubscriptionCommand(string Token) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("CallSubscription", null);
}

public sealed class ConfirmCallSubscriptionCommandHandler(IAppDbContext db, TimeProvider time)
    : ICommandHandler<ConfirmCallSubscriptionCommand, Result>
{
    public async ValueTask<Result> Handle(ConfirmCallSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var token = command.Token?.Trim() ?? string.Empty;
        var subscription = token.Length == 0 ? null : await db.CallSubscriptions.SingleOrDefaultAsync(s => s.Token == token, cancellationToken);
        if (subscription is null)
        {
            return Result.NotFound();
        }

        subscription.Confirm(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
