namespace SocialOrder.Infrastructure.Files;

/// <summary>An uploaded file's bytes and what was computed from them; written once, never changed.</summary>
public sealed class StoredFile
{
    private StoredFile()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        Content = [];
    }

    public StoredFile(Guid id, string fileName, string contentType, byte[] content, string sha256, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(content);
        Id = id;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Size = content.LongLength;
        Sha256 = sha256;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    public string Sha256 { get; private set; }

    public byte[] Content { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
