namespace SocialOrder.Application.Common.Interfaces;

public sealed record StoredFileInfo(Guid Id, string FileName, string ContentType, long Size, string Sha256);

public interface IFileStore
{
    /// <summary>
    /// Stores the bytes (in PostgreSQL by default, so a database backup holds everything), computing the size and
    /// the SHA-256 (lowercase hex). The name is sanitized again; the content type should be the detected one.
    /// </summary>
    Task<StoredFileInfo> SaveAsync(string fileName, string contentType, Stream content, CancellationToken cancellationToken);

    Task<(StoredFileInfo Info, byte[] Content)?> ReadAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Removes a file that was stored but never attached to anything (its record's save was refused).</summary>
    Task DeleteAsync(Guid id, CancellationToken cancellationToken);
}
