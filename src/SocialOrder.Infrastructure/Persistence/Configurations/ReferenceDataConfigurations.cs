using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Infrastructure.Persistence.Configurations;

internal static class LocalizedTextMapping
{
    public static void MapName<T>(this ComplexPropertyBuilder<LocalizedText> name, int maxLength)
        where T : class => name.MapText("name", maxLength);

    public static void MapText(this ComplexPropertyBuilder<LocalizedText> text, string prefix, int? maxLength)
    {
        var kk = text.Property(n => n.Kk).HasColumnName(prefix + "_kk").IsRequired();
        var ru = text.Property(n => n.Ru).HasColumnName(prefix + "_ru").IsRequired();
        var en = text.Property(n => n.En).HasColumnName(prefix + "_en");
        if (maxLength is { } max)
        {
            kk.HasMaxLength(max);
            ru.HasMaxLength(max);
            en.HasMaxLength(max);
        }
    }
}

public sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("regions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasConversion(id => id.Value, v => new RegionId(v)).ValueGeneratedNever();
        builder.Property(r => r.Code).HasMaxLength(8);
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
        builder.ComplexProperty(r => r.Name, n => n.MapName<Region>(200));
    }
}

public sealed class PriorityAreaConfiguration : IEntityTypeConfiguration<PriorityArea>
{
    public void Configure(EntityTypeBuilder<PriorityArea> builder)
    {
        builder.ToTable("priority_areas");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasConversion(id => id.Value, v => new PriorityAreaId(v)).ValueGeneratedNever();
        builder.Property(a => a.Code).HasMaxLength(16);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.ComplexProperty(a => a.Name, n => n.MapName<PriorityArea>(300));
    }
}

public sealed class StateBodyConfiguration : IEntityTypeConfiguration<StateBody>
{
    public void Configure(EntityTypeBuilder<StateBody> builder)
    {
        builder.ToTable("state_bodies");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasConversion(id => id.Value, v => new StateBodyId(v)).ValueGeneratedNever();
        builder.Property(b => b.Bin).HasMaxLength(12).IsFixedLength();
        builder.HasIndex(b => b.Bin).IsUnique();
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.RegionId).HasConversion(id => id!.Value.Value, v => new RegionId(v));
        builder.HasOne<Region>().WithMany().HasForeignKey(b => b.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.ComplexProperty(b => b.Name, n => n.MapName<StateBody>(300));
        builder.Ignore(b => b.DomainEvents);
    }
}
