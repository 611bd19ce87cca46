using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialOrder.Domain.Auditing;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Verification;

namespace SocialOrder.Infrastructure.Persistence.Configurations;

public sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> builder)
    {
        builder.ToTable("issued_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Language).HasMaxLength(2);
        builder.Property(d => d.FileSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(d => d.DataSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(d => d.Number).HasMaxLength(64);
        builder.Property(d => d.CallId).HasConversion(id => id.Value, v => new CallId(v));
        builder.HasOne<Call>().WithMany().HasForeignKey(d => d.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(d => d.IsPublic);

        // One row per distinct file: issuing the same bytes twice (a receipt downloaded again) records nothing new.
        builder.HasIndex(d => d.FileSha256).IsUnique();
        builder.HasIndex(d => d.DataSha256);
    }
}

public sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> builder)
    {
        builder.ToTable("audit_heads");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).UseIdentityAlwaysColumn();
        builder.Property(h => h.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(h => h.Sequence);
        builder.HasIndex(h => h.PublishedAt);
    }
}
