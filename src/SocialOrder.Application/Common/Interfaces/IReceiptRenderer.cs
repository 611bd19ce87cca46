namespace SocialOrder.Application.Common.Interfaces;

/// <summary>What the submission receipt states; the renderer adds nothing that is not here.</summary>
public sealed record ReceiptDocument(
    string ReceiptNumber, DateTimeOffset ReceivedAtUtc, string CallReference, string CallTitleKk, string CallTitleRu,
    string OrganizationNameKk, string OrganizationNameRu, string OrganizationBin, string BidTitle, int VersionNumber,
    decimal RequestedAmount, string ContentSha256, IReadOnlyList<(string FileName, long Size, string Sha256)> Files,
    string VerificationUrl);

public interface IReceiptRenderer
{
    /// <summary>A PDF; the same receipt always renders to the same bytes.</summary>
    byte[] Render(ReceiptDocument receipt);
}
