using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialOrder.Infrastructure.Identity;

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.ExpertCandidacy).HasMaxLength(20);
        builder.Property(u => u.PreferredCulture).HasMaxLength(5);
        builder.HasIndex(u => u.StateBodyId);
        builder.HasIndex(u => u.ExpertCandidacy);
    }
}
