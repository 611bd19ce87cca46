using System.Net;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;

namespace SocialOrder.Application.Bids;

/// <summary>
/// An amendment or a cancellation is sent to every member of every organization with a draft or submitted bid
/// on the call. The e-mails are queued in the same transaction as the change, so they go out only if it commits.
/// </summary>
public sealed class NotifyApplicantsOfCallChanges(IAppDbContext db, IEmailQueue emails, IPortalLinks links)
    : INotificationHandler<CallAmendedEvent>, INotificationHandler<CallCancelledEvent>
{
    public async ValueTask Handle(CallAmendedEvent notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        await NotifyAsync(notification.CallId, cancelled: false, cancellationToken);
    }

    public async ValueTask Handle(CallCancelledEvent notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        await NotifyAsync(notification.CallId, cancelled: true, cancellationToken);
    }

    private async Task NotifyAsync(CallId callId, bool cancelled, CancellationToken cancellationToken)
    {
        var call = db.Calls.Local.SingleOrDefault(c => c.Id == callId)
            ?? await db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId, cancellationToken);
        var memberIds = await (from b in db.Bids.AsNoTracking()
                               join o in db.Organizations.AsNoTracking() on b.OrganizationId equals o.Id
                               where b.CallId == callId
                               from m in o.Members
                               select m.UserId).Distinct().ToListAsync(cancellationToken);
        if (memberIds.Count == 0)
        {
            return;
        }

        var people = await db.QueryUsers(null).Where(u => memberIds.Contains(u.Id)).Select(u => u.Email).ToListAsync(cancellationToken);
        var link = links.CallPage(call.Id.Value);
        var reason = cancelled ? call.CancellationReason ?? string.Empty : (call.Amendments.Count > 0 ? call.Amendments[^1].Reason : string.Empty);
        foreach (var email in people)
        {
            emails.Enqueue(Message(email, call, cancelled, reason, link));
        }
    }

    private static EmailMessage Message(string to, Call call, bool cancelled, string reason, string link)
    {
        var title = WebUtility.HtmlEncode($"{call.ReferenceNumber} «{call.Title.Ru}» / «{call.Title.Kk}»");
        var (subject, kk, ru) = cancelled
            ? ($"SocialOrder: конкурс {call.ReferenceNumber} отменён / конкурстың күші жойылды", "Конкурстың күші жойылды.", "Конкурс отменён.")
            : ($"SocialOrder: изменения в конкурсе {call.ReferenceNumber} / конкурстағы өзгерістер", "Конкурс шарттары өзгертілді.", "Условия конкурса изменены.");
        var deadline = call.ClosesAt is { } closes ? KazakhstanTime.ToLocal(closes).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        var body = $"<p>{title}</p><p>{ru} {kk}</p><p>{WebUtility.HtmlEncode(reason)}</p>" +
                   (cancelled ? string.Empty : $"<p>Окончание приёма / Қабылдаудың аяқталуы: {deadline} (UTC+5)</p>") +
                   $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>";
        return new EmailMessage(to, subject, body);
    }
}
