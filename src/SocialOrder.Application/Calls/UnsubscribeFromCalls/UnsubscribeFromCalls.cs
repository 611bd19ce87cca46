using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Calls.Subscriptions;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Calls.UnsubscribeFromCalls;

/// <summary>Removes a subscription (and with it the address) from the link in any of its e-mails.</summary>
public sealed record UnsubscribeFromCallsCommand(string Token) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("CallSubscription", null);
}

public sealed class UnsubscribeFromCallsCommandHandler(IAppDbContext db) : ICommandHandler<UnsubscribeFromCallsCommand, Result>
{
    public async ValueTask<Result> Handle(UnsubscribeFromCallsCommand command, CancellationToken cancellationToken)
    {
        var token = command.Token?.Trim() ?? string.Empty;
        var subscription = token.Length == 0 ? null : await db.CallSubscriptions.SingleOrDefaultAsync(s => s.Token == token, cancellationToken);
        if (subscription is null)
        {
            return Result.NotFound();
        }

        db.CallSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
