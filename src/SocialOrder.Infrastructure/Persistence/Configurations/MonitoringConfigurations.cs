using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Agreements.Monitoring;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Infrastructure.Persistence.Configurations;

public sealed class MonitoringVisitConfiguration : IEntityTypeConfiguration<MonitoringVisit>
{
    public void Configure(EntityTypeBuilder<MonitoringVisit> builder)
    {
        builder.ToTable("monitoring_visits");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).HasConversion(id => id.Value, v => new MonitoringVisitId(v)).ValueGeneratedNever();
        builder.Property(v => v.AgreementId).HasConversion(id => id.Value, v => new AgreementId(v));
        builder.Property(v => v.StateBodyId).HasConversion(id => id.Value, v => new StateBodyId(v));
        builder.Property(v => v.OrganizationId).HasConversion(id => id.Value, v => new OrganizationId(v));
        builder.HasOne<Agreement>().WithMany().HasForeignKey(v => v.AgreementId).OnDelete(DeleteBehavior.Restrict);

        // An agreement's visits; the portfolio's "corrective action open"; the reminders' scan of open actions by due date.
        builder.HasIndex(v => new { v.AgreementId, v.VisitedOn });
        builder.HasIndex(v => v.AgreementId).HasFilter("open_actions > 0").HasDatabaseName("ix_monitoring_visits_open_actions");
        builder.HasIndex(v => v.NextActionDueOn).HasFilter("open_actions > 0").HasDatabaseName("ix_monitoring_visits_next_action_due_on");
        builder.HasIndex(v => v.OrganizationId);

        builder.Property(v => v.Place).HasMaxLength(500);
        builder.Property(v => v.Participants).HasMaxLength(2000);
        builder.Property(v => v.Checked).HasMaxLength(4000);
        builder.Property(v => v.Findings).AsJson();
        builder.Property(v => v.Remarks).AsJson();
        builder.Property(v => v.Photos).AsJson();
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.Ignore(v => v.DomainEvents);
    }
}

public sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> builder)
    {
        builder.ToTable("sent_reminders");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.AgreementId).HasConversion(id => id.Value, v => new AgreementId(v));
        builder.Property(r => r.Item).HasMaxLength(80);

        // The once-only key: a second node (or a second run) cannot insert the same reminder, so its e-mails roll back with it.
        builder.HasIndex(r => new { r.Kind, r.AgreementId, r.Item }).IsUnique();
    }
}
