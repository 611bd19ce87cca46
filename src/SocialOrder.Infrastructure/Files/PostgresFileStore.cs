using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Files;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Infrastructure.Persistence;

namespace SocialOrder.Infrastructure.Files;

public sealed class PostgresFileStore(DbContextOptions<AppDbContext> options, IOptions<FileLimits> limits, TimeProvider time) : IFileStore
{
    public async Task<StoredFileInfo> SaveAsync(string fileName, string contentType, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var max = limits.Value.MaxFileBytes;
        using var buffer = new MemoryStream();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw new ArgumentException($"The file is larger than the limit of {max} bytes; check the size before storing it.", nameof(content));
            }

            buffer.Write(chunk, 0, read);
            hash.AppendData(chunk, 0, read);
        }

        var file = new StoredFile(
            Guid.CreateVersion7(), FileInspection.SanitizeFileName(fileName), contentType, buffer.ToArray(),
            Convert.ToHexStringLower(hash.GetHashAndReset()), time.GetUtcNow());

        // A context of its own: the bytes never sit in the caller's change tracker and a save here cannot flush the caller's pending changes.
        await using var db = new AppDbContext(options);
        db.Set<StoredFile>().Add(file);
        await db.SaveChangesAsync(cancellationToken);
        return Info(file);
    }

    public async Task<(StoredFileInfo Info, byte[] Content)?> ReadAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = new AppDbContext(options);
        var file = await db.Set<StoredFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        return file is null ? null : (Info(file), file.Content);
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = new AppDbContext(options);
        await db.Set<StoredFile>().Where(f => f.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    private static StoredFileInfo Info(StoredFile file) => new(file.Id, file.FileName, file.ContentType, file.Size, file.Sha256);
}
