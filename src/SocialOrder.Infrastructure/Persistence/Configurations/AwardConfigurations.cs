using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Calls;

namespace SocialOrder.Infrastructure.Persistence.Configurations;

public sealed class AwardDecisionConfiguration : IEntityTypeConfiguration<AwardDecision>
{
    public void Configure(EntityTypeBuilder<AwardDecision> builder)
    {
        builder.ToTable("award_decisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.CallId).HasConversion(id => id.Value, v => new CallId(v));
        builder.HasOne<Call>().WithMany().HasForeignKey(d => d.CallId).OnDelete(DeleteBehavior.Restrict);

        // One decision per call: a double click on "prepare" cannot create two.
        builder.HasIndex(d => d.CallId).IsUnique();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Members).AsJson();
        builder.Property(d => d.Lines).AsJson();
        builder.Property(d => d.Dissents).AsJson();
        builder.Property(d => d.YearlyBudgets).AsJson();
        builder.Property(d => d.Results).AsJson();
        builder.Property(d => d.EarlierProtocols).AsJson();
        builder.Property(d => d.Reopenings).AsJson();
        builder.Property(d => d.Budget).HasPrecision(18, 2);
        builder.Property(d => d.QuorumFraction).HasPrecision(6, 4);
        builder.Property(d => d.ProtocolNumber).HasMaxLength(40);
        builder.HasIndex(d => d.ProtocolNumber).IsUnique();
        builder.Property(d => d.DecisionSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(d => d.ProtocolKkSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(d => d.ProtocolRuSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.Total);
        builder.Ignore(d => d.Present);
        builder.Ignore(d => d.QuorumNeeded);
        builder.Ignore(d => d.HasQuorum);
        builder.Ignore(d => d.DomainEvents);
    }
}
