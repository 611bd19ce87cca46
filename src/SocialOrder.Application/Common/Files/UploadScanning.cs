using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Common.Files;

public enum ScannerMode
{
    /// <summary>Every upload is scanned; without a verdict (scanner down, timeout) it is refused.</summary>
    Required,

    /// <summary>Scanned when the scanner answers, accepted with a logged warning when it does not: for development machines without clamd.</summary>
    WhenAvailable,

    /// <summary>No scanning (the content inspection still applies).</summary>
    Off,
}

/// <summary>How uploads are scanned, bound from <c>Uploads:Scanner</c>.</summary>
public sealed class UploadScanOptions
{
    public const string Section = "Uploads:Scanner";

    public ScannerMode Mode { get; set; } = ScannerMode.Required;
}

/// <summary>
/// The last gate before an upload is stored: the malware scan. An infected file is refused with the signature's
/// name and leaves an audit entry of its own; without a verdict the file is refused unless the mode says otherwise.
/// </summary>
public sealed partial class UploadScanning(IMalwareScanner scanner, IAuditLog audit, IOptions<UploadScanOptions> options, ILogger<UploadScanning> logger)
{
    /// <summary>Null when the file may be stored, else the error to show beside <paramref name="field"/>.</summary>
    public async Task<Error?> CheckAsync(string fileName, byte[] content, string field, (string Type, string? Id) target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var mode = options.Value.Mode;
        if (mode == ScannerMode.Off)
        {
            return null;
        }

        var result = await scanner.ScanAsync(content, cancellationToken);
        switch (result.Outcome)
        {
            case MalwareScanOutcome.Clean:
                return null;
            case MalwareScanOutcome.Infected:
                var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
                await audit.AppendAsync(
                    new AuditEntry("MalwareRefused", target.Type, target.Id, "Refused", $"{result.Detail} in \"{fileName}\" ({content.LongLength} bytes, SHA-256 {sha256})"),
                    CancellationToken.None);
                return new Error("Upload.Malware", field, [result.Detail ?? "?"]);
            default:
                if (mode == ScannerMode.WhenAvailable)
                {
                    LogUnscanned(logger, fileName, result.Detail);
                    return null;
                }

                LogRefusedUnscanned(logger, fileName, result.Detail);
                return new Error("Upload.ScannerUnavailable", field);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload {FileName} accepted without a malware scan (mode WhenAvailable): {Reason}")]
    private static partial void LogUnscanned(ILogger logger, string fileName, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Upload {FileName} refused: the malware scanner gave no verdict: {Reason}")]
    private static partial void LogRefusedUnscanned(ILogger logger, string fileName, string? reason);
}
