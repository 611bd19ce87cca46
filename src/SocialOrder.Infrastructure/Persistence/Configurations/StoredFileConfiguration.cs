using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialOrder.Infrastructure.Files;

namespace SocialOrder.Infrastructure.Persistence.Configurations;

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public const string Table = "stored_files";

    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        // Until the migration that creates stored_files exists, keep the table out of the model diff: otherwise
        // MigrateAsync refuses to run (pending model changes) and no database could be created at all.
        // Remove ExcludeFromMigrations() in the commit that adds that migration.
        builder.ToTable(Table, t => t.ExcludeFromMigrations());
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.FileName).HasMaxLength(255);
        builder.Property(f => f.ContentType).HasMaxLength(255);
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(f => f.Content).HasColumnType("bytea");
    }
}
