using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Organizations;

namespace SocialOrder.Infrastructure.Persistence.Configurations;

public sealed class ExpertProfileConfiguration : IEntityTypeConfiguration<ExpertProfile>
{
    public void Configure(EntityTypeBuilder<ExpertProfile> builder)
    {
        builder.ToTable("expert_profiles");
        builder.HasKey(e => e.UserId);
        builder.Property(e => e.UserId).ValueGeneratedNever();
        builder.Property(e => e.FullName).HasMaxLength(200);
        builder.Property(e => e.Email).HasMaxLength(256);
        builder.Property(e => e.Cv).HasMaxLength(4000);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Languages).HasConversion<int>();
        builder.Property(e => e.Unavailability).AsJson();

        // The pool is filtered by status, area and region: arrays with GIN indexes answer "contains".
        builder.HasIndex(e => new { e.Status, e.FullName });
        builder.HasIndex(e => e.PriorityAreaIds).HasMethod("gin");
        builder.HasIndex(e => e.RegionIds).HasMethod("gin");
        builder.Ignore(e => e.DomainEvents);
    }
}

public sealed class ExpertAssignmentConfiguration : IEntityTypeConfiguration<ExpertAssignment>
{
    public void Configure(EntityTypeBuilder<ExpertAssignment> builder)
    {
        builder.ToTable("expert_assignments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.CallId).HasConversion(id => id.Value, v => new CallId(v));
        builder.Property(a => a.BidId).HasConversion(id => id.Value, v => new BidId(v));
        builder.Property(a => a.OrganizationId).HasConversion(id => id.Value, v => new OrganizationId(v));
        builder.HasOne<Call>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Bid>().WithMany().HasForeignKey(a => a.BidId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExpertProfile>().WithMany().HasForeignKey(a => a.ExpertId).OnDelete(DeleteBehavior.Restrict);
        // Status is a concurrency token too: two confirmations or answers racing, the second finds the row changed.
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(a => a.SheetStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.DeclineReason).HasMaxLength(1000);
        builder.Property(a => a.Declaration).AsJson().IsRequired(false);
        builder.Property(a => a.Scores).AsJson();
        builder.Property(a => a.History).AsJson();
        builder.Property(a => a.SheetRevision).IsConcurrencyToken();

        builder.HasIndex(a => new { a.CallId, a.BidId });
        builder.HasIndex(a => new { a.ExpertId, a.Status });
        builder.HasIndex(a => new { a.ExpertId, a.OrganizationId });

        // One live assignment per expert and bid: a double click on "assign" cannot give an expert the same bid twice.
        builder.HasIndex(a => new { a.BidId, a.ExpertId }).IsUnique().HasFilter("status in ('Proposed','Assigned','Accepted')");
        builder.Ignore(a => a.IsActive);
        builder.Ignore(a => a.MayOpenBid);
        builder.Ignore(a => a.IsPending);
        builder.Ignore(a => a.DomainEvents);
    }
}
