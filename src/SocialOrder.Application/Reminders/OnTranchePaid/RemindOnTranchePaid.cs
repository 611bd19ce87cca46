using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Agreements.Monitoring;

namespace SocialOrder.Application.Reminders.OnTranchePaid;

/// <summary>
/// Tells the organization's members that a tranche was paid, in the payment's own transaction: the e-mails and the
/// once-only row are saved with the payment or not at all (a tranche is paid once, and the unique key backs that up).
/// </summary>
public sealed class RemindOnTranchePaid(IAppDbContext db, IEmailQueue emails, IPortalLinks links, TimeProvider time) : INotificationHandler<TranchePaidEvent>
{
    public async ValueTask Handle(TranchePaidEvent notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var agreement = await db.Agreements.SingleOrDefaultAsync(a => a.Id == notification.AgreementId, cancellationToken);
        var tranche = agreement?.Tranches.SingleOrDefault(t => t.Number == notification.TrancheNumber);
        if (agreement is null || tranche?.Payment is not { } payment)
        {
            return;
        }

        var item = tranche.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (await db.SentReminders.AnyAsync(s => s.Kind == ReminderKind.TranchePaid && s.AgreementId == agreement.Id && s.Item == item, cancellationToken))
        {
            return;
        }

        var reminder = new DueReminder(ReminderKind.TranchePaid, agreement.Id, item, agreement.OrganizationId, agreement.Number, agreement.ProjectTitle, payment.PaidOn, Amount: payment.Amount);
        ReminderSending.Queue(db, emails, links, reminder, await ReminderSending.MembersAsync(db, agreement.OrganizationId, cancellationToken), time.GetUtcNow());
    }
}
