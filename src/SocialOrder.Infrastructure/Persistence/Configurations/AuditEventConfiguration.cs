using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialOrder.Domain.Auditing;

namespace SocialOrder.Infrastructure.Persistence.Configurations;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id);
        builder.Ignore(e => e.IsSealed);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Action).HasMaxLength(AuditEvent.MaxCodeLength);
        builder.Property(e => e.ActorName).HasMaxLength(AuditEvent.MaxNameLength);
        builder.Property(e => e.EntityType).HasMaxLength(AuditEvent.MaxCodeLength);
        builder.Property(e => e.EntityId).HasMaxLength(AuditEvent.MaxNameLength);
        builder.Property(e => e.Outcome).HasMaxLength(AuditEvent.MaxOutcomeLength);
        builder.Property(e => e.Details).HasMaxLength(AuditEvent.MaxDetailsLength);
        builder.Property(e => e.IpAddress).HasMaxLength(AuditEvent.MaxAddressLength);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        // The chain's order: unique, so two sealers that somehow raced could not both commit the same place.
        builder.HasIndex(e => e.Sequence).IsUnique();
        // What the sealer picks up next: small, since events stay unsealed for a second or two.
        builder.HasIndex(e => e.Id, "ix_audit_events_unsealed").HasFilter("sequence IS NULL").HasDatabaseName("ix_audit_events_unsealed");
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.Action, e.Id });
        builder.HasIndex(e => new { e.ActorName, e.Id });
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
    }
}
