using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Domain.Reports;

namespace SocialOrder.Infrastructure.Persistence.Configurations;

public sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ToTable("agreement_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasConversion(id => id.Value, v => new ReportId(v)).ValueGeneratedNever();
        builder.Property(r => r.AgreementId).HasConversion(id => id.Value, v => new AgreementId(v));
        builder.Property(r => r.CallId).HasConversion(id => id.Value, v => new CallId(v));
        builder.Property(r => r.StateBodyId).HasConversion(id => id.Value, v => new StateBodyId(v));
        builder.Property(r => r.OrganizationId).HasConversion(id => id.Value, v => new OrganizationId(v));
        builder.HasOne<Agreement>().WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Restrict);

        // One report per reporting point: two members starting it at once cannot make two.
        builder.HasIndex(r => new { r.AgreementId, r.Number }).IsUnique();

        // A body's reports waiting for review; an organization's reports.
        builder.HasIndex(r => new { r.StateBodyId, r.Status });
        builder.HasIndex(r => r.OrganizationId);

        builder.Property(r => r.AgreementNumber).HasMaxLength(40);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Content).AsJson();
        builder.Property(r => r.Versions).AsJson();
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.Ignore(r => r.LatestVersion);
        builder.Ignore(r => r.IsOpen);
        builder.Ignore(r => r.DomainEvents);
    }
}
