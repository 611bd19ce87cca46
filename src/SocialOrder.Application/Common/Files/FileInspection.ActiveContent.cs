using System.IO.Compression;
using System.Text;

namespace SocialOrder.Application.Common.Files;

/// <summary>Content that acts by itself when a reviewer opens the file.</summary>
public enum ActiveContent
{
    None,

    /// <summary>A PDF with JavaScript, a launch action or actions triggered by events (/JS, /JavaScript, /Launch, /AA).</summary>
    PdfActions,

    /// <summary>An office document with macros (vbaProject.bin in OOXML, a Macros or _VBA_PROJECT_CUR storage in OLE2, Basic/ or Scripts/ in ODF).</summary>
    OfficeMacros,
}

public static partial class FileInspection
{
    /// <summary>Decompressed bytes looked at per PDF at most, so a compression bomb costs bounded time and memory.</summary>
    private const int MaxInflatedPdfBytes = 64 * 1024 * 1024;

    private static readonly HashSet<string> PdfActionNames = new(StringComparer.Ordinal) { "JS", "JavaScript", "Launch", "AA" };

    /// <summary>
    /// Finds scripts and macros, whatever the file claims to be: a PDF's action names (in its dictionaries and in
    /// every Flate-compressed stream, where object streams hide dictionaries), an OOXML package's vbaProject.bin,
    /// an OLE2 document's VBA storage, an OpenDocument file's Basic or script folder.
    /// </summary>
    public static ActiveContent FindActiveContent(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return PdfHasActions(content) ? ActiveContent.PdfActions : ActiveContent.None;
        }

        if (content.StartsWith("PK\x03\x04"u8))
        {
            return ZipContainer.HasMacros(content) ? ActiveContent.OfficeMacros : ActiveContent.None;
        }

        if (Starts(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1))
        {
            return CompoundFile.HasMacros(content) ? ActiveContent.OfficeMacros : ActiveContent.None;
        }

        return ActiveContent.None;
    }

    private static bool PdfHasActions(ReadOnlySpan<byte> pdf)
    {
        if (HasPdfActionName(pdf))
        {
            return true;
        }

        var budget = MaxInflatedPdfBytes;
        var at = 0;
        while (budget > 0 && at < pdf.Length)
        {
            var keyword = pdf[at..].IndexOf("stream"u8);
            if (keyword < 0)
            {
                break;
            }

            var start = at + keyword + "stream".Length;
            if (start < pdf.Length && pdf[start] == '\r')
            {
                start++;
            }

            if (start >= pdf.Length || pdf[start] != '\n' || (at + keyword > 2 && pdf[(at + keyword - 3)..(at + keyword)].SequenceEqual("end"u8)))
            {
                at = start;
                continue;
            }

            start++;
            var length = pdf[start..].IndexOf("endstream"u8);
            var data = length < 0 ? pdf[start..] : pdf.Slice(start, length);
            var inflated = Inflate(data, budget);
            if (inflated.Length > 0 && HasPdfActionName(inflated))
            {
                return true;
            }

            budget -= inflated.Length;
            at = length < 0 ? pdf.Length : start + length + "endstream".Length;
        }

        return false;
    }

    private static byte[] Inflate(ReadOnlySpan<byte> data, int limit)
    {
        if (data.Length < 2 || (data[0] & 0x0F) != 8 || ((data[0] << 8) | data[1]) % 31 != 0)
        {
            return [];
        }

        using var input = new MemoryStream(data.ToArray(), writable: false);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int read;
            while (output.Length < limit && (read = zlib.Read(buffer, 0, (int)Math.Min(buffer.Length, limit - output.Length))) > 0)
            {
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            // A damaged or truncated stream: what was inflated before the damage is still looked at.
        }

        return output.ToArray();
    }

    /// <summary>Every name token (/Name, with #xx escapes decoded), wherever it stands: strings are not skipped, so a false alarm is possible, a miss is not.</summary>
    private static bool HasPdfActionName(ReadOnlySpan<byte> data)
    {
        var name = new StringBuilder();
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] != '/')
            {
                continue;
            }

            name.Clear();
            var j = i + 1;
            while (j < data.Length && !IsPdfDelimiterOrSpace(data[j]) && name.Length <= 16)
            {
                if (data[j] == '#' && j + 2 < data.Length && IsHex(data[j + 1]) && IsHex(data[j + 2]))
                {
                    name.Append((char)Convert.ToByte(Encoding.ASCII.GetString(data.Slice(j + 1, 2)), 16));
                    j += 3;
                }
                else
                {
                    name.Append((char)data[j]);
                    j++;
                }
            }

            if (PdfActionNames.Contains(name.ToString()))
            {
                return true;
            }

            i = j - 1;
        }

        return false;
    }

    private static bool IsPdfDelimiterOrSpace(byte b) =>
        b is 0 or (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C
            or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';
}
