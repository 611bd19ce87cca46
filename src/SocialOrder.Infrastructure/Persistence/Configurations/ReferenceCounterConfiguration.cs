using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialOrder.Infrastructure.Persistence.Configurations;

public sealed class ReferenceCounter
{
    public string Prefix { get; set; } = string.Empty;

    public int Year { get; set; }

    public int LastValue { get; set; }
}

public sealed class ReferenceCounterConfiguration : IEntityTypeConfiguration<ReferenceCounter>
{
    public void Configure(EntityTypeBuilder<ReferenceCounter> builder)
    {
        builder.ToTable("reference_counters");
        builder.HasKey(c => new { c.Prefix, c.Year });
        builder.Property(c => c.Prefix).HasMaxLength(10);
    }
}
