using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialOrder.Domain.Appeals;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Organizations;

namespace SocialOrder.Infrastructure.Persistence.Configurations;

public sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> builder)
    {
        builder.ToTable("appeals");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasConversion(id => id.Value, v => new AppealId(v)).ValueGeneratedNever();
        builder.Property(a => a.CallId).HasConversion(id => id.Value, v => new CallId(v));
        builder.HasOne<Call>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.OrganizationId).HasConversion(id => id.Value, v => new OrganizationId(v));
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Reasons).HasMaxLength(8000);
        builder.Property(a => a.Answer).HasMaxLength(8000);
        builder.Property(a => a.Documents).AsJson();
        builder.Property(a => a.Version).IsConcurrencyToken();

        // ADR 28: one complaint per organization and protocol version; a double post cannot file two.
        builder.HasIndex(a => new { a.CallId, a.OrganizationId, a.ProtocolVersion }).IsUnique();
        builder.HasIndex(a => new { a.CallId, a.Status });
        builder.HasIndex(a => a.OrganizationId);
        builder.Ignore(a => a.IsAnswered);
        builder.Ignore(a => a.DomainEvents);
    }
}
