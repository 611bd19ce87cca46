using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Infrastructure.Persistence.Configurations;

public sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ToTable("agreements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasConversion(id => id.Value, v => new AgreementId(v)).ValueGeneratedNever();
        builder.Property(a => a.CallId).HasConversion(id => id.Value, v => new CallId(v));
        builder.Property(a => a.BidId).HasConversion(id => id.Value, v => new BidId(v));
        builder.Property(a => a.StateBodyId).HasConversion(id => id.Value, v => new StateBodyId(v));
        builder.Property(a => a.OrganizationId).HasConversion(id => id.Value, v => new OrganizationId(v));
        builder.HasOne<Call>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Bid>().WithMany().HasForeignKey(a => a.BidId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AwardDecision>().WithMany().HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StateBody>().WithMany().HasForeignKey(a => a.StateBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);

        // One agreement per funded bid: drafting twice (the event and the official's button, two nodes) cannot make two.
        builder.HasIndex(a => a.BidId).IsUnique();
        builder.Property(a => a.Number).HasMaxLength(40);
        builder.HasIndex(a => a.Number).IsUnique();

        // The portfolio's filters: a body's projects by status, by call; an organization's projects.
        builder.HasIndex(a => new { a.StateBodyId, a.Status });
        builder.HasIndex(a => a.CallId);
        builder.HasIndex(a => a.OrganizationId);

        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Parties).AsJson();
        builder.Property(a => a.ProjectTitle).HasMaxLength(500);
        builder.OwnsOne(a => a.Term, t =>
        {
            t.Property(x => x.Start).HasColumnName("term_start");
            t.Property(x => x.End).HasColumnName("term_end");
            t.Property(x => x.Months).HasColumnName("term_months");
        });
        builder.Navigation(a => a.Term).IsRequired();
        builder.Property(a => a.YearAmounts).AsJson();
        builder.Property(a => a.Tranches).AsJson();
        builder.Property(a => a.Reports).AsJson();
        builder.Property(a => a.Activities).AsJson();
        builder.Property(a => a.Indicators).AsJson();
        builder.Property(a => a.BudgetLines).AsJson().HasDefaultValueSql("'[]'::jsonb");
        builder.Property(a => a.TotalAmount).HasPrecision(18, 2);
        builder.Property(a => a.PaidAmount).HasPrecision(18, 2);
        builder.Property(a => a.TerminationReason).HasMaxLength(2000);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.PdfKkSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.PdfRuSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.DomainEvents);
    }
}
