namespace SocialOrder.Domain.Agreements.Monitoring;

public enum ReminderKind
{
    ReportDueSoon,
    ReportDueToday,
    ReportOverdue,
    TranchePaid,
    CorrectiveActionDue,
}

/// <summary>
/// That one reminder was sent: unique by kind, agreement and item (a report's or tranche's number, a visit's finding), and
/// written in the transaction that puts its e-mails in the outbox, so no node sends it twice.
/// </summary>
public sealed class SentReminder
{
    private SentReminder()
    {
        Item = string.Empty;
    }

    public long Id { get; private set; }

    public ReminderKind Kind { get; private set; }

    public AgreementId AgreementId { get; private set; }

    public string Item { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public static SentReminder Of(ReminderKind kind, AgreementId agreementId, string item, DateTimeOffset now) =>
        new() { Kind = kind, AgreementId = agreementId, Item = item, SentAt = now };
}
