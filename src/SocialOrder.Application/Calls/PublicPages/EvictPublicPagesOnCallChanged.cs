using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Calls;

namespace SocialOrder.Application.Calls.PublicPages;

/// <summary>
/// Publishing, amending, cancelling and awarding a call change its public page and the catalogue, so their stored
/// copies are forgotten (ADR 29). Domain events run before the commit; the web layer forgets them again once the
/// request's work is done, so a visitor in between cannot leave the old page stored.
/// </summary>
public sealed class EvictPublicPagesOnCallChanged(IPublicPageCache pages)
    : INotificationHandler<CallPublishedEvent>,
      INotificationHandler<CallAmendedEvent>,
      INotificationHandler<CallCancelledEvent>,
      INotificationHandler<AwardDecisionLockedEvent>
{
    public ValueTask Handle(CallPublishedEvent notification, CancellationToken cancellationToken) =>
        pages.CallChangedAsync(notification.CallId.Value, cancellationToken);

    public ValueTask Handle(CallAmendedEvent notification, CancellationToken cancellationToken) =>
        pages.CallChangedAsync(notification.CallId.Value, cancellationToken);

    public ValueTask Handle(CallCancelledEvent notification, CancellationToken cancellationToken) =>
        pages.CallChangedAsync(notification.CallId.Value, cancellationToken);

    public ValueTask Handle(AwardDecisionLockedEvent notification, CancellationToken cancellationToken) =>
        pages.CallChangedAsync(notification.CallId.Value, cancellationToken);
}
