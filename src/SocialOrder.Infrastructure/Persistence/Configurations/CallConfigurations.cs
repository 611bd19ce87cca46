using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Infrastructure.Persistence.Configurations;

public sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public const string SearchVector = "SearchVector";

    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.ToTable("calls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasConversion(id => id.Value, v => new CallId(v)).ValueGeneratedNever();
        builder.Property(c => c.ReferenceNumber).HasMaxLength(20);
        builder.HasIndex(c => c.ReferenceNumber).IsUnique();
        builder.Property(c => c.StateBodyId).HasConversion(id => id.Value, v => new StateBodyId(v));
        builder.HasOne<StateBody>().WithMany().HasForeignKey(c => c.StateBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.PriorityAreaId).HasConversion(id => id!.Value.Value, v => new PriorityAreaId(v));
        builder.HasOne<PriorityArea>().WithMany().HasForeignKey(c => c.PriorityAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.RegionId).HasConversion(id => id!.Value.Value, v => new RegionId(v));
        builder.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Instrument).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Term).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Budget).HasPrecision(18, 2);
        builder.Property(c => c.MaxPerProject).HasPrecision(18, 2);
        builder.Property(c => c.DivergenceThreshold).HasPrecision(6, 2);
        builder.Property(c => c.MinimumTotalScore).HasPrecision(6, 2);
        builder.Property(c => c.CancellationReason).HasMaxLength(2000);
        builder.ComplexProperty(c => c.Title, t => t.MapText("title", 300));
        builder.ComplexProperty(c => c.Summary, t => t.MapText("summary", 2000));
        builder.ComplexProperty(c => c.Description, t => t.MapText("description", 20000));
        builder.ComplexProperty(c => c.Eligibility, t => t.MapText("eligibility", 10000));
        builder.Property(c => c.YearlyBudgets).AsJson();
        builder.Property(c => c.RequiredDocuments).AsJson();
        builder.Property(c => c.Criteria).AsJson();
        builder.Property(c => c.Amendments).AsJson();
        builder.Property(c => c.StandardId).HasConversion(id => id!.Value.Value, v => new SocialOrder.Domain.Standards.ServiceStandardId(v));
        builder.HasOne<SocialOrder.Domain.Standards.ServiceStandard>().WithMany().HasForeignKey(c => c.StandardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.StandardId);
        builder.Ignore(c => c.Content);
        builder.Ignore(c => c.DomainEvents);

        builder.Property<uint>("Version").HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();

        // Titles and summaries in every language: 'simple' keeps Kazakh words as written (PostgreSQL has no Kazakh
        // stemmer; searches add a prefix match), 'russian' adds stemming for Russian.
        builder.Property<NpgsqlTsVector>(SearchVector)
            .HasColumnName("search_vector")
            .HasComputedColumnSql(
                "setweight(to_tsvector('simple', coalesce(title_kk, '') || ' ' || coalesce(title_ru, '') || ' ' || coalesce(title_en, '')), 'A') || " +
                "setweight(to_tsvector('simple', coalesce(summary_kk, '') || ' ' || coalesce(summary_ru, '') || ' ' || coalesce(summary_en, '')), 'B') || " +
                "to_tsvector('russian', coalesce(title_ru, '') || ' ' || coalesce(summary_ru, ''))",
                stored: true);
        builder.HasIndex(SearchVector).HasMethod("GIN");

        builder.HasIndex(c => new { c.StateBodyId, c.CreatedAt });
        builder.HasIndex(c => new { c.Status, c.ClosesAt });
        builder.HasIndex(c => new { c.Status, c.OpensAt });
        builder.HasIndex(c => new { c.Status, c.PublishedAt });
        builder.HasIndex(c => new { c.Status, c.Budget });
        builder.HasIndex(c => new { c.RegionId, c.Status });
        builder.HasIndex(c => new { c.PriorityAreaId, c.Status });
        builder.HasIndex(c => new { c.Instrument, c.Status });
        builder.HasIndex(c => new { c.Term, c.Status });

        // The catalogue's default page (every public call, newest first): an index scan of 20 rows instead of a
        // sequential scan and sort of all calls (docs/benchmarks/catalogue.md). Only pages without a full-text search
        // say "published_at IS NOT NULL", so only they can use it: a search given this index (enable_seqscan is off
        // for searches) would scan all of it and read every vector from TOAST instead of using the GIN index.
        builder.HasIndex(c => new { c.PublishedAt, c.Id }, "ix_calls_public_newest")
            .IsDescending(true, false)
            .HasFilter("status <> 'Draft' AND published_at IS NOT NULL");
    }
}

public sealed class ClarificationConfiguration : IEntityTypeConfiguration<Clarification>
{
    public void Configure(EntityTypeBuilder<Clarification> builder)
    {
        builder.ToTable("clarifications");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasConversion(id => id.Value, v => new ClarificationId(v)).ValueGeneratedNever();
        builder.Property(c => c.CallId).HasConversion(id => id.Value, v => new CallId(v));
        builder.HasOne<Call>().WithMany().HasForeignKey(c => c.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Question).HasMaxLength(4000);
        builder.Property(c => c.Answer).HasMaxLength(8000);
        builder.Property(c => c.EarlierAnswers).AsJson();
        builder.HasIndex(c => new { c.CallId, c.AskedAt });
        builder.Ignore(c => c.DomainEvents);
    }
}

public sealed class CallSubscriptionConfiguration : IEntityTypeConfiguration<CallSubscription>
{
    public void Configure(EntityTypeBuilder<CallSubscription> builder)
    {
        builder.ToTable("call_subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Email).HasMaxLength(256);
        builder.Property(s => s.Culture).HasMaxLength(5);
        builder.Property(s => s.Token).HasMaxLength(64);
        builder.HasIndex(s => s.Token).IsUnique();
        builder.Property(s => s.RegionId).HasConversion(id => id!.Value.Value, v => new RegionId(v));
        builder.Property(s => s.PriorityAreaId).HasConversion(id => id!.Value.Value, v => new PriorityAreaId(v));
        builder.HasIndex(s => new { s.RegionId, s.PriorityAreaId });
        builder.HasIndex(s => new { s.Email, s.RegionId, s.PriorityAreaId }).IsUnique();
    }
}
