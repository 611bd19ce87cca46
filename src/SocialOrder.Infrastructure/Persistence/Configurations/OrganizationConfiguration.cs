using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Infrastructure.Persistence.Configurations;

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("organizations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasConversion(id => id.Value, v => new OrganizationId(v)).ValueGeneratedNever();
        builder.Property(o => o.Bin).HasConversion(b => b.Value, v => Bin.FromTrusted(v)).HasMaxLength(12).IsFixedLength();
        builder.HasIndex(o => o.Bin).IsUnique();
        builder.ComplexProperty(o => o.Name, n => n.MapText("name", 500));
        builder.Property(o => o.LegalForm).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.RegionId).HasConversion(id => id.Value, v => new RegionId(v));
        builder.HasOne<Region>().WithMany().HasForeignKey(o => o.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.Address).HasMaxLength(500);
        builder.Property(o => o.Phone).HasMaxLength(50);
        builder.Property(o => o.Email).HasMaxLength(256);
        builder.Property(o => o.HeadName).HasMaxLength(200);
        builder.Property(o => o.NgoDatabaseNumber).HasMaxLength(50);
        builder.Ignore(o => o.DomainEvents);

        builder.OwnsMany(o => o.Members, m =>
        {
            m.ToTable("organization_members");
            m.WithOwner().HasForeignKey("OrganizationId");
            m.Property<int>("Id").ValueGeneratedOnAdd();
            m.HasKey("Id");
            m.HasIndex("OrganizationId", nameof(OrganizationMember.UserId)).IsUnique();
            m.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            m.HasIndex(x => x.UserId);
        });
        builder.Navigation(o => o.Members).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(o => o.Invitations, i =>
        {
            i.ToTable("organization_invitations");
            i.WithOwner().HasForeignKey("OrganizationId");
            i.Property<int>("Id").ValueGeneratedOnAdd();
            i.HasKey("Id");
            i.Property(x => x.Email).HasMaxLength(256);
            i.Property(x => x.Token).HasMaxLength(64);
            i.HasIndex(x => x.Token).IsUnique();
        });
        builder.Navigation(o => o.Invitations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
