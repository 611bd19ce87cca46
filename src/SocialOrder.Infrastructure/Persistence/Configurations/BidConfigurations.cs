using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Organizations;

namespace SocialOrder.Infrastructure.Persistence.Configurations;

public sealed class BidConfiguration : IEntityTypeConfiguration<Bid>
{
    public void Configure(EntityTypeBuilder<Bid> builder)
    {
        builder.ToTable("bids");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasConversion(id => id.Value, v => new BidId(v)).ValueGeneratedNever();
        builder.Property(b => b.CallId).HasConversion(id => id.Value, v => new CallId(v));
        builder.Property(b => b.OrganizationId).HasConversion(id => id.Value, v => new OrganizationId(v));
        builder.HasOne<Call>().WithMany().HasForeignKey(b => b.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(b => b.OrganizationId).OnDelete(DeleteBehavior.Restrict);

        // One bid per organization per call: the database is the backstop for a double "Apply".
        builder.HasIndex(b => new { b.CallId, b.OrganizationId }).IsUnique();
        builder.HasIndex(b => new { b.OrganizationId, b.UpdatedAt });
        builder.HasIndex(b => new { b.CallId, b.Status });
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Content).AsJson();
        builder.Property(b => b.Attachments).AsJson();
        builder.Property(b => b.Eligibility).AsJson().IsRequired(false);
        builder.Property(b => b.Reconciliation).AsJson().IsRequired(false);
        builder.Property(b => b.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.AwardedAmount).HasPrecision(18, 2);
        builder.Property(b => b.Revision).IsConcurrencyToken();
        builder.Ignore(b => b.HasUnsubmittedChanges);
        builder.Ignore(b => b.DomainEvents);
    }
}

public sealed class BidSubmissionConfiguration : IEntityTypeConfiguration<BidSubmission>
{
    public void Configure(EntityTypeBuilder<BidSubmission> builder)
    {
        builder.ToTable("bid_submissions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.BidId).HasConversion(id => id.Value, v => new BidId(v));
        builder.HasOne<Bid>().WithMany().HasForeignKey(s => s.BidId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.BidId, s.Version }).IsUnique();

        // A retried or double-clicked submit carries the same key: the second insert cannot happen.
        builder.HasIndex(s => s.IdempotencyKey).IsUnique();
        builder.HasIndex(s => s.ReceiptNumber).IsUnique();
        builder.Property(s => s.ReceiptNumber).HasMaxLength(30);
        // Text, not jsonb: the stored bytes must stay exactly those whose SHA-256 is on the receipt.
        builder.Property(s => s.ContentJson).HasColumnType("text");
        builder.Property(s => s.ContentSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(s => s.RequestedAmount).HasPrecision(18, 2);
        builder.Property(s => s.Files).AsJson();
    }
}
