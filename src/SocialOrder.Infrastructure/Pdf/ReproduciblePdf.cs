using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;

namespace SocialOrder.Infrastructure.Pdf;

/// <summary>
/// What makes a PDFsharp document reproducible: fixed dates, and identifiers derived from a SHA-256 of the content
/// instead of the random values PDFsharp would write. Shared by the receipt and the award protocol.
/// </summary>
internal static partial class ReproduciblePdf
{
    /// <summary>SHA-256 over the fields, so the document identifiers differ whenever the content does.</summary>
    public static byte[] Fingerprint(IEnumerable<string> fields) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001E', fields)));

    /// <summary>Sets the creator, both dates and the trailer /ID (the first 16 bytes of <paramref name="identity"/>).</summary>
    public static void Stamp(PdfDocument document, DateTimeOffset createdAtUtc, byte[] identity)
    {
        document.Info.Creator = "SocialOrder";
        document.Info.CreationDate = createdAtUtc.UtcDateTime;
        document.Info.ModificationDate = createdAtUtc.UtcDateTime;
        var id = Encoding.Latin1.GetString(identity, 0, 16);
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
    }

    /// <summary>Saves the document and replaces what is still random with values derived from <paramref name="identity"/>.</summary>
    public static byte[] Save(PdfDocument document, byte[] identity)
    {
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return Reproducible(output.ToArray(), new Guid(identity.AsSpan(16, 16)).ToString("D"));
    }

    /// <summary>
    /// PDFsharp puts random values where a reproducible file needs fixed ones: a six-letter tag on each embedded
    /// font subset (PDF 1.7, 9.6.4) and the XMP document and instance UUIDs. They are replaced by values of the
    /// same length (tags numbered in order of appearance, the UUID derived from the content), so the
    /// cross-reference offsets stay valid. The trailer /ID is set before saving.
    /// </summary>
    private static byte[] Reproducible(byte[] pdf, string uuid)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = XmpUuid().Replace(Encoding.Latin1.GetString(pdf), uuid);
        text = SubsetName().Replace(text, match =>
        {
            if (!tags.TryGetValue(match.Value, out var tag))
            {
                var n = tags.Count;
                tag = string.Concat("SOR", (char)('A' + n / 676 % 26), (char)('A' + n / 26 % 26), (char)('A' + n % 26));
                tags.Add(match.Value, tag);
            }

            return "/" + tag + "+" + match.Groups[1].Value;
        });
        return Encoding.Latin1.GetBytes(text);
    }

    [GeneratedRegex(@"/[A-Z]{6}\+(DejaVu[A-Za-z0-9#,-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex SubsetName();

    [GeneratedRegex(@"(?<=<xmpMM:(?:DocumentID|InstanceID)>uuid:)[0-9a-fA-F-]{36}(?=</xmpMM:)", RegexOptions.CultureInvariant)]
    private static partial Regex XmpUuid();
}
