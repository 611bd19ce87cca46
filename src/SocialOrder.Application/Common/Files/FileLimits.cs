namespace SocialOrder.Application.Common.Files;

/// <summary>Upload limits, bound from the <c>Uploads</c> configuration section.</summary>
public sealed class FileLimits
{
    public const string Section = "Uploads";

    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    public long MaxBidBytes { get; set; } = 100L * 1024 * 1024;
}
