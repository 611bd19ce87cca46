using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialOrder.Application.OpenData;
using SocialOrder.Infrastructure.Persistence;

namespace SocialOrder.Infrastructure.OpenData;

/// <summary>One generated bulk file of every OCDS release (gzipped JSON Lines).</summary>
public sealed class OcdsExport
{
    private OcdsExport()
    {
        Sha256 = string.Empty;
        Content = [];
    }

    public OcdsExport(Guid id, DateTimeOffset createdAt, int releases, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Id = id;
        CreatedAt = createdAt;
        Releases = releases;
        Content = content;
        Size = content.LongLength;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
    }

    public Guid Id { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Releases { get; private set; }

    public long Size { get; private set; }

    public string Sha256 { get; private set; }

    public byte[] Content { get; private set; }
}

public sealed class OcdsExportConfiguration : IEntityTypeConfiguration<OcdsExport>
{
    public void Configure(EntityTypeBuilder<OcdsExport> builder)
    {
        builder.ToTable("ocds_exports");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Content).HasColumnType("bytea");
        builder.HasIndex(e => e.CreatedAt);
    }
}

public sealed class OcdsExportStore(AppDbContext db) : IOcdsExportStore
{
    public Task<OcdsExportInfo?> LatestAsync(CancellationToken cancellationToken) =>
        db.Set<OcdsExport>().AsNoTracking().OrderByDescending(e => e.CreatedAt)
            .Select(e => new OcdsExportInfo(e.Id, e.CreatedAt, e.Releases, e.Size, e.Sha256))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<byte[]?> ContentAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<OcdsExport>().AsNoTracking().Where(e => e.Id == id).Select(e => e.Content).SingleOrDefaultAsync(cancellationToken);

    public async Task<OcdsExportInfo> SaveAsync(byte[] gzippedJsonLines, int releases, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var export = new OcdsExport(Guid.CreateVersion7(), createdAt, releases, gzippedJsonLines);
        db.Set<OcdsExport>().Add(export);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(export).State = EntityState.Detached;

        // Only the newest file is served; older ones would only fill the database.
        await db.Set<OcdsExport>().Where(e => e.Id != export.Id && e.CreatedAt <= export.CreatedAt).ExecuteDeleteAsync(cancellationToken);
        return new OcdsExportInfo(export.Id, export.CreatedAt, export.Releases, export.Size, export.Sha256);
    }
}
