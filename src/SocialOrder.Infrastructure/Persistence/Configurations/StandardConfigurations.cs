using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Feedback;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Domain.Standards;

namespace SocialOrder.Infrastructure.Persistence.Configurations;

public sealed class ServiceStandardConfiguration : IEntityTypeConfiguration<ServiceStandard>
{
    public void Configure(EntityTypeBuilder<ServiceStandard> builder)
    {
        builder.ToTable("service_standards");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasConversion(id => id.Value, v => new ServiceStandardId(v)).ValueGeneratedNever();
        builder.Property(s => s.Code).HasMaxLength(20);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.UnitCostBasis).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.UnitCostNorm).HasPrecision(18, 2);
        builder.Property(s => s.PriorityAreaId).HasConversion(id => id!.Value.Value, v => new PriorityAreaId(v));
        builder.HasOne<PriorityArea>().WithMany().HasForeignKey(s => s.PriorityAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.ComplexProperty(s => s.Title, t => t.MapText("title", 300));
        builder.ComplexProperty(s => s.Service, t => t.MapText("service", 10000));
        builder.ComplexProperty(s => s.Thresholds, t =>
        {
            t.Property(x => x.EffectiveFrom).HasColumnName("effective_from").HasPrecision(6, 2);
            t.Property(x => x.PartlyEffectiveFrom).HasColumnName("partly_effective_from").HasPrecision(6, 2);
        });
        builder.Property(s => s.Conditions).AsJson();
        builder.Property(s => s.Indicators).AsJson();
        builder.Property(s => s.Criteria).AsJson();
        builder.Ignore(s => s.Content);
        builder.Ignore(s => s.DomainEvents);

        // A code's versions are numbered once; at most one draft and one published (current) version per code at a time.
        builder.HasIndex(s => new { s.Code, s.Version }).IsUnique();
        builder.HasIndex(s => s.Code, "ix_service_standards_code_draft").IsUnique().HasFilter("status = 'Draft'").HasDatabaseName("ix_service_standards_draft_code");
        builder.HasIndex(s => s.Code, "ix_service_standards_code_published").IsUnique().HasFilter("status = 'Published'").HasDatabaseName("ix_service_standards_published_code");

        // The public list and the call editor: published standards by code; a priority area's published standard.
        builder.HasIndex(s => new { s.Status, s.Code });
        builder.HasIndex(s => new { s.PriorityAreaId, s.Status });
        builder.Property<uint>("RowVersion").HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
    }
}

public sealed class FeedbackChannelConfiguration : IEntityTypeConfiguration<FeedbackChannel>
{
    public void Configure(EntityTypeBuilder<FeedbackChannel> builder)
    {
        builder.ToTable("feedback_channels");
        builder.HasKey(c => c.AgreementId);
        builder.Property(c => c.AgreementId).HasConversion(id => id.Value, v => new AgreementId(v)).ValueGeneratedNever();
        builder.HasOne<Agreement>().WithMany().HasForeignKey(c => c.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Token).HasMaxLength(24).IsFixedLength();
        builder.HasIndex(c => c.Token).IsUnique();
    }
}

public sealed class BeneficiaryFeedbackConfiguration : IEntityTypeConfiguration<BeneficiaryFeedback>
{
    public void Configure(EntityTypeBuilder<BeneficiaryFeedback> builder)
    {
        builder.ToTable("beneficiary_feedback");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).HasConversion(id => id.Value, v => new BeneficiaryFeedbackId(v)).ValueGeneratedNever();
        builder.Property(f => f.AgreementId).HasConversion(id => id.Value, v => new AgreementId(v));
        builder.HasOne<Agreement>().WithMany().HasForeignKey(f => f.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Comment).HasMaxLength(BeneficiaryFeedback.MaxComment);
        builder.Property(f => f.Culture).HasMaxLength(5);
        builder.ToTable(t => t.HasCheckConstraint("ck_beneficiary_feedback_rating", "rating BETWEEN 1 AND 5"));

        // The summary groups one project's ratings; the comments page lists them newest first.
        builder.HasIndex(f => new { f.AgreementId, f.SubmittedAt });
        builder.HasIndex(f => new { f.AgreementId, f.Rating });
        builder.Ignore(f => f.DomainEvents);
    }
}
