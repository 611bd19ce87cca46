namespace SocialOrder.Application.Common.Files;

public static class FileTypes
{
    /// <summary>"PDF, .docx; xlsx" becomes "pdf,docx,xlsx": how a call stores the types a document may have.</summary>
    public static string Normalize(string? types) =>
        string.Join(',', (types ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim().TrimStart('.').ToLowerInvariant()).Distinct());
}
