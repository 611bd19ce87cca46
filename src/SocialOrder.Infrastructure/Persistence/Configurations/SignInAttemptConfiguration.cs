using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialOrder.Domain.Accounts;

namespace SocialOrder.Infrastructure.Persistence.Configurations;

public sealed class SignInAttemptConfiguration : IEntityTypeConfiguration<SignInAttempt>
{
    public void Configure(EntityTypeBuilder<SignInAttempt> builder)
    {
        builder.ToTable("sign_in_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.Address).HasMaxLength(SignInAttempt.AddressMaxLength);
        builder.Property(a => a.UserAgent).HasMaxLength(SignInAttempt.UserAgentMaxLength);

        // The two readers: an address's recent failures (the delay), an account's recent sign-ins (its history); and the purge.
        builder.HasIndex(a => new { a.Address, a.At });
        builder.HasIndex(a => new { a.UserId, a.At });
        builder.HasIndex(a => a.At);
    }
}
