using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Calls;

namespace SocialOrder.Application.Calls.Subscriptions;

/// <summary>
/// Queues an e-mail to every confirmed matching subscription when a call is published. It runs before the publishing
/// commit, so the e-mails are written (and later sent) only if the call really is published.
/// </summary>
public sealed class NotifySubscribersOnCallPublished(IAppDbContext db, IEmailQueue emails, IPortalLinks links)
    : INotificationHandler<CallPublishedEvent>
{
    public async ValueTask Handle(CallPublishedEvent notification, CancellationToken cancellationToken)
    {
        var call = await db.Calls.FindAsync([notification.CallId], cancellationToken);
        if (call is null || call.Status != CallStatus.Published)
        {
            return;
        }

        var bodyId = call.StateBodyId;
        var stateBody = await db.StateBodies.AsNoTracking().Where(b => b.Id == bodyId).Select(b => b.Name).SingleAsync(cancellationToken);

        // The SQL form of CallSubscription.Matches: a nationwide call reaches every region's subscribers.
        var subscriptions = db.CallSubscriptions.AsNoTracking().Where(s => s.ConfirmedAt != null);
        if (call.RegionId is { } region)
        {
            subscriptions = subscriptions.Where(s => s.RegionId == null || s.RegionId == region);
        }

        subscriptions = call.PriorityAreaId is { } area
            ? subscriptions.Where(s => s.PriorityAreaId == null || s.PriorityAreaId == area)
            : subscriptions.Where(s => s.PriorityAreaId == null);

        var recipients = await subscriptions
            .OrderBy(s => s.CreatedAt)
            .Select(s => new { s.Email, s.Culture, s.Token })
            .ToListAsync(cancellationToken);
        var callLink = links.CallPage(call.Id.Value);

        // An address with several matching subscriptions (say, its region and "any region") gets the call once.
        foreach (var recipient in recipients.DistinctBy(r => r.Email, StringComparer.Ordinal))
        {
            emails.Enqueue(SubscriptionEmails.NewCall(
                recipient.Email, recipient.Culture, call.ReferenceNumber, call.Title, stateBody, call.Budget, call.ClosesAt, callLink, links.Unsubscribe(recipient.Token)));
        }
    }
}
