using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace SocialOrder.Application.Common.Files;

public enum DetectedFileType
{
    Unknown,
    Pdf,
    Png,
    Jpeg,
    Doc,
    Xls,
    Docx,
    Xlsx,
    Odt,
    Ods,
    Executable,
    HtmlOrScript,
}

/// <summary>What an upload really is, the name to keep for it and whether the given extensions admit it.</summary>
/// <remarks><see cref="IsAllowed"/> is false whenever <see cref="ActiveContent"/> is not <see cref="ActiveContent.None"/>.</remarks>
public sealed record FileInspectionResult(string FileName, DetectedFileType Type, string ContentType, bool IsAllowed, ActiveContent ActiveContent = ActiveContent.None);

/// <summary>
/// Decides what an uploaded file is from its bytes, never from its name or the browser's content type, and
/// cleans the name it will be stored and served under.
/// </summary>
public static partial class FileInspection
{
    public const string FallbackFileName = "file";

    public const int MaxFileNameLength = 150;

    public static IReadOnlyList<string> DefaultAllowedExtensions { get; } =
        ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "jpg", "jpeg", "png"];

    private static readonly char[] InvalidNameChars = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

    private static readonly string[] ReservedWindowsNames =
    [
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];

    private static readonly string[] MarkupStarts =
        ["<!doctype html", "<html", "<script", "<head", "<body", "<svg", "<iframe", "<?php", "#!"];

    private static readonly string[] MarkupInside = ["<html", "<script", "<svg", "<iframe"];

    /// <summary>
    /// Detects the real type. Pass the whole file (it is size-limited anyway): the type of a ZIP or an OLE2
    /// compound file is only known from its directory, which may sit anywhere in it.
    /// </summary>
    public static DetectedFileType Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return DetectedFileType.Pdf;
        }

        if (Starts(content, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A))
        {
            return DetectedFileType.Png;
        }

        if (Starts(content, 0xFF, 0xD8, 0xFF))
        {
            return DetectedFileType.Jpeg;
        }

        if (Starts(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1))
        {
            return CompoundFile.Detect(content);
        }

        if (content.StartsWith("PK\x03\x04"u8))
        {
            return ZipContainer.Detect(content);
        }

        if (IsExecutable(content))
        {
            return DetectedFileType.Executable;
        }

        return LooksLikeMarkupOrScript(content) ? DetectedFileType.HtmlOrScript : DetectedFileType.Unknown;
    }

    public static bool IsDangerous(DetectedFileType type) =>
        type is DetectedFileType.Executable or DetectedFileType.HtmlOrScript;

    /// <summary>The content type to store and serve, derived from the detected type rather than the browser's claim.</summary>
    public static string ContentTypeOf(DetectedFileType type) => type switch
    {
        DetectedFileType.Pdf => "application/pdf",
        DetectedFileType.Png => "image/png",
        DetectedFileType.Jpeg => "image/jpeg",
        DetectedFileType.Doc => "application/msword",
        DetectedFileType.Xls => "application/vnd.ms-excel",
        DetectedFileType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DetectedFileType.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        DetectedFileType.Odt => "application/vnd.oasis.opendocument.text",
        DetectedFileType.Ods => "application/vnd.oasis.opendocument.spreadsheet",
        _ => "application/octet-stream",
    };

    /// <summary>The file-name extensions (lowercase, no dot) under which a file of this type may be stored.</summary>
    public static IReadOnlyList<string> ExtensionsOf(DetectedFileType type) => type switch
    {
        DetectedFileType.Pdf => ["pdf"],
        DetectedFileType.Png => ["png"],
        DetectedFileType.Jpeg => ["jpg", "jpeg"],
        DetectedFileType.Doc => ["doc"],
        DetectedFileType.Xls => ["xls"],
        DetectedFileType.Docx => ["docx"],
        DetectedFileType.Xlsx => ["xlsx"],
        DetectedFileType.Odt => ["odt"],
        DetectedFileType.Ods => ["ods"],
        _ => [],
    };

    /// <summary>True when the detected type is one of the allowed extensions ("pdf", ".PDF" and "jpg"/"jpeg" alike).</summary>
    public static bool IsAllowed(DetectedFileType detected, IReadOnlyCollection<string> allowedExtensions)
    {
        ArgumentNullException.ThrowIfNull(allowedExtensions);
        var allowed = allowedExtensions.Select(NormalizeExtension).ToHashSet(StringComparer.Ordinal);
        return ExtensionsOf(detected).Any(e => allowed.Contains(NormalizeExtension(e)));
    }

    /// <summary>
    /// As <see cref="IsAllowed(DetectedFileType, IReadOnlyCollection{string})"/>, and the name's extension must
    /// name the same type: an executable renamed .pdf and a real PDF named .docx are both refused.
    /// </summary>
    public static bool IsAllowed(string fileName, DetectedFileType detected, IReadOnlyCollection<string> allowedExtensions)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (!IsAllowed(detected, allowedExtensions))
        {
            return false;
        }

        var extension = NormalizeExtension(ExtensionOf(fileName));
        return ExtensionsOf(detected).Any(e => NormalizeExtension(e) == extension);
    }

    /// <summary>Everything the upload path needs in one call: the clean name, the real type, its content type and the verdict.</summary>
    public static FileInspectionResult Inspect(string fileName, ReadOnlySpan<byte> content, IReadOnlyCollection<string> allowedExtensions)
    {
        var safeName = SanitizeFileName(fileName);
        var type = Detect(content);
        var active = FindActiveContent(content);
        return new FileInspectionResult(safeName, type, ContentTypeOf(type), active == ActiveContent.None && IsAllowed(safeName, type, allowedExtensions), active);
    }

    /// <summary>
    /// A name safe to store and to send back in Content-Disposition on any system: no path, no control or
    /// invisible formatting characters (a right-to-left override can disguise "exe" as "pdf"), none of
    /// <c>&lt;&gt;:"/\|?*</c>, no leading or trailing dots and spaces, single spaces, at most 150 characters with the
    /// extension kept. Letters of any script stay. Never empty.
    /// </summary>
    public static string SanitizeFileName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return FallbackFileName;
        }

        var normalized = name.Normalize(NormalizationForm.FormC);
        var leaf = normalized[(normalized.LastIndexOfAny(['/', '\\']) + 1)..];
        var builder = new StringBuilder(leaf.Length);
        var pendingSpace = false;
        foreach (var rune in leaf.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                    or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                || rune == Rune.ReplacementChar
                || (rune.IsBmp && InvalidNameChars.Contains((char)rune.Value)))
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(rune.ToString());
        }

        var result = builder.ToString().Trim(' ', '.');
        if (result.Length > MaxFileNameLength)
        {
            result = Shorten(result);
        }

        if (result.Length == 0)
        {
            return FallbackFileName;
        }

        var stem = result.Split('.')[0].TrimEnd(' ');
        return ReservedWindowsNames.Contains(stem, StringComparer.OrdinalIgnoreCase) ? "_" + result : result;
    }

    private static string Shorten(string name)
    {
        var extension = ExtensionOf(name);
        var suffix = extension.Length is > 0 and <= 16 ? "." + extension : string.Empty;
        var keep = MaxFileNameLength - suffix.Length;
        if (char.IsHighSurrogate(name[keep - 1]))
        {
            keep--;
        }

        var stem = name[..keep].TrimEnd(' ', '.');
        return stem.Length == 0 ? suffix.TrimStart('.') : stem + suffix;
    }

    private static string ExtensionOf(string fileName)
    {
        var dot = fileName.LastIndexOf('.');
        return dot < 0 || dot == fileName.Length - 1 ? string.Empty : fileName[(dot + 1)..].Trim();
    }

    private static string NormalizeExtension(string extension)
    {
        var e = extension.Trim().TrimStart('.').ToLowerInvariant();
        return e == "jpeg" ? "jpg" : e;
    }

    private static bool IsExecutable(ReadOnlySpan<byte> content) =>
        content.StartsWith("MZ"u8)
        || Starts(content, 0x7F, 0x45, 0x4C, 0x46)
        || Starts(content, 0xFE, 0xED, 0xFA, 0xCE)
        || Starts(content, 0xFE, 0xED, 0xFA, 0xCF)
        || Starts(content, 0xCE, 0xFA, 0xED, 0xFE)
        || Starts(content, 0xCF, 0xFA, 0xED, 0xFE)
        || Starts(content, 0xCA, 0xFE, 0xBA, 0xBE);

    private static bool LooksLikeMarkupOrScript(ReadOnlySpan<byte> content)
    {
        var head = content[..Math.Min(content.Length, 1024)];
        string text;
        if (Starts(head, 0xFF, 0xFE))
        {
            text = Encoding.Unicode.GetString(head[2..]);
        }
        else if (Starts(head, 0xFE, 0xFF))
        {
            text = Encoding.BigEndianUnicode.GetString(head[2..]);
        }
        else
        {
            text = Encoding.UTF8.GetString(Starts(head, 0xEF, 0xBB, 0xBF) ? head[3..] : head);
        }

        var start = text.TrimStart();
        if (MarkupStarts.Any(m => start.StartsWith(m, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return start.StartsWith('<') && MarkupInside.Any(m => start.Contains(m, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>OOXML and ODF packages, told apart by the entries of the ZIP central directory.</summary>
    private static class ZipContainer
    {
        private const uint EndOfCentralDirectory = 0x06054B50;
        private const uint Zip64EndLocator = 0x07064B50;
        private const uint Zip64End = 0x06064B50;
        private const uint CentralEntry = 0x02014B50;
        private const uint LocalEntry = 0x04034B50;

        public static DetectedFileType Detect(ReadOnlySpan<byte> zip)
        {
            if (ReadDirectory(zip) is not { } entries)
            {
                return DetectedFileType.Unknown;
            }

            bool contentTypes = false, word = false, xl = false, macros = false;
            string? odfType = null;
            foreach (var (name, method, compressedSize, localOffset) in entries)
            {
                contentTypes |= name == "[Content_Types].xml";
                word |= name.StartsWith("word/", StringComparison.Ordinal);
                xl |= name.StartsWith("xl/", StringComparison.Ordinal);
                macros |= IsMacroPart(name);
                if (name == "mimetype" && method == 0)
                {
                    odfType = ReadStored(zip, localOffset, compressedSize);
                }
            }

            return (odfType, contentTypes, word, xl, macros) switch
            {
                ("application/vnd.oasis.opendocument.text", _, _, _, _) => DetectedFileType.Odt,
                ("application/vnd.oasis.opendocument.spreadsheet", _, _, _, _) => DetectedFileType.Ods,
                (null, true, true, false, false) => DetectedFileType.Docx,
                (null, true, false, true, false) => DetectedFileType.Xlsx,
                _ => DetectedFileType.Unknown,
            };
        }

        /// <summary>
        /// An OOXML package (docx, xlsx, pptx and their macro-enabled twins) carries its VBA project as vbaProject.bin,
        /// an OpenDocument file its macros under Basic/ or Scripts/.
        /// </summary>
        public static bool HasMacros(ReadOnlySpan<byte> zip) =>
            ReadDirectory(zip) is { } entries
            && entries.Any(e => IsMacroPart(e.Name) || e.Name.StartsWith("Basic/", StringComparison.Ordinal) || e.Name.StartsWith("Scripts/", StringComparison.Ordinal));

        private static bool IsMacroPart(string name) => name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase);

        private static List<(string Name, ushort Method, uint CompressedSize, uint LocalOffset)>? ReadDirectory(ReadOnlySpan<byte> zip)
        {
            if (!TryFindCentralDirectory(zip, out var offset, out var count))
            {
                return null;
            }

            var entries = new List<(string, ushort, uint, uint)>();
            for (long i = 0; i < count; i++)
            {
                if (offset + 46 > zip.Length || U32(zip, offset) != CentralEntry)
                {
                    return null;
                }

                var nameLength = U16(zip, offset + 28);
                var next = offset + 46 + nameLength + U16(zip, offset + 30) + U16(zip, offset + 32);
                if (next > zip.Length)
                {
                    return null;
                }

                entries.Add((Encoding.UTF8.GetString(zip.Slice(offset + 46, nameLength)), U16(zip, offset + 10), U32(zip, offset + 20), U32(zip, offset + 42)));
                offset = next;
            }

            return entries;
        }

        private static bool TryFindCentralDirectory(ReadOnlySpan<byte> zip, out int offset, out long count)
        {
            offset = 0;
            count = 0;
            var lowest = Math.Max(0, zip.Length - 22 - ushort.MaxValue);
            for (var at = zip.Length - 22; at >= lowest; at--)
            {
                if (U32(zip, at) != EndOfCentralDirectory)
                {
                    continue;
                }

                long directory = U32(zip, at + 16);
                count = U16(zip, at + 10);
                if (directory == uint.MaxValue || count == ushort.MaxValue)
                {
                    if (at < 20 || U32(zip, at - 20) != Zip64EndLocator)
                    {
                        return false;
                    }

                    var record = (long)BinaryPrimitives.ReadUInt64LittleEndian(zip[(at - 12)..]);
                    if (record < 0 || record + 56 > zip.Length || U32(zip, (int)record) != Zip64End)
                    {
                        return false;
                    }

                    count = (long)BinaryPrimitives.ReadUInt64LittleEndian(zip[((int)record + 32)..]);
                    directory = (long)BinaryPrimitives.ReadUInt64LittleEndian(zip[((int)record + 48)..]);
                }

                if (directory < 0 || directory >= zip.Length || count <= 0 || count > zip.Length / 46)
                {
                    return false;
                }

                offset = (int)directory;
                return true;
            }

            return false;
        }

        private static string? ReadStored(ReadOnlySpan<byte> zip, long localOffset, long size)
        {
            if (localOffset + 30 > zip.Length || U32(zip, (int)localOffset) != LocalEntry || size > 256)
            {
                return null;
            }

            var data = localOffset + 30 + U16(zip, (int)localOffset + 26) + U16(zip, (int)localOffset + 28);
            return data + size > zip.Length ? null : Encoding.ASCII.GetString(zip.Slice((int)data, (int)size));
        }
    }

    /// <summary>
    /// OLE2 compound files (MS-CFB) hold .doc, .xls, but also .msi installers and .ppt: only a root-level
    /// "WordDocument" or "Workbook"/"Book" stream makes one a document we accept.
    /// </summary>
    private static class CompoundFile
    {
        private const uint MaxRegularSector = 0xFFFFFFFA;
        private const uint NoStream = 0xFFFFFFFF;
        private const int HeaderDifatEntries = 109;

        private const byte StorageEntry = 1;
        private const byte StreamEntry = 2;

        public static DetectedFileType Detect(ReadOnlySpan<byte> file)
        {
            var names = RootEntryNames(file, StreamEntry);
            if (names.Contains("WordDocument"))
            {
                return DetectedFileType.Doc;
            }

            return names.Contains("Workbook") || names.Contains("Book") ? DetectedFileType.Xls : DetectedFileType.Unknown;
        }

        /// <summary>Word keeps a document's VBA project in a root storage "Macros", Excel in "_VBA_PROJECT_CUR".</summary>
        public static bool HasMacros(ReadOnlySpan<byte> file)
        {
            var storages = RootEntryNames(file, StorageEntry);
            return storages.Contains("Macros") || storages.Contains("_VBA_PROJECT_CUR");
        }

        private static HashSet<string> RootEntryNames(ReadOnlySpan<byte> file, byte entryType)
        {
            if (file.Length < 512)
            {
                return [];
            }

            var shift = U16(file, 0x1E);
            if (shift is not (9 or 12))
            {
                return [];
            }

            var sectorSize = 1 << shift;
            var directorySectors = new List<int>();
            var sector = U32(file, 0x30);
            var limit = file.Length / sectorSize + 1;
            while (sector <= MaxRegularSector)
            {
                var at = SectorOffset(sector, shift);
                if (directorySectors.Count >= limit || at + sectorSize > file.Length)
                {
                    return [];
                }

                directorySectors.Add((int)at);
                sector = NextSector(file, sector, shift);
            }

            return RootEntryNames(file, directorySectors, sectorSize, entryType);
        }

        private static HashSet<string> RootEntryNames(ReadOnlySpan<byte> file, List<int> directorySectors, int sectorSize, byte entryType)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var perSector = sectorSize / 128;
            var total = directorySectors.Count * perSector;
            if (total == 0 || file[directorySectors[0] + 66] != 5)
            {
                return names;
            }

            var pending = new Stack<uint>();
            pending.Push(U32(file, directorySectors[0] + 76));
            var visited = 0;
            while (pending.Count > 0 && visited++ < total)
            {
                var id = pending.Pop();
                if (id == NoStream || id >= total)
                {
                    continue;
                }

                var entry = directorySectors[(int)(id / perSector)] + (int)(id % perSector) * 128;
                var nameBytes = Math.Clamp(U16(file, entry + 64) - 2, 0, 62);
                if (file[entry + 66] == entryType)
                {
                    names.Add(Encoding.Unicode.GetString(file.Slice(entry, nameBytes)));
                }

                pending.Push(U32(file, entry + 68));
                pending.Push(U32(file, entry + 72));
            }

            return names;
        }

        private static uint NextSector(ReadOnlySpan<byte> file, uint sector, int shift)
        {
            var perSector = (1 << shift) / 4;
            var fatSector = FatSector(file, (int)(sector / (uint)perSector), shift);
            if (fatSector > MaxRegularSector)
            {
                return NoStream;
            }

            var at = SectorOffset(fatSector, shift) + sector % (uint)perSector * 4;
            return at + 4 > file.Length ? NoStream : U32(file, (int)at);
        }

        private static uint FatSector(ReadOnlySpan<byte> file, int index, int shift)
        {
            if (index < HeaderDifatEntries)
            {
                return U32(file, 0x4C + index * 4);
            }

            var perDifatSector = (1 << shift) / 4 - 1;
            index -= HeaderDifatEntries;
            var difat = U32(file, 0x44);
            for (var hops = 0; difat <= MaxRegularSector && hops <= file.Length >> shift; hops++)
            {
                var at = SectorOffset(difat, shift);
                if (at + (1 << shift) > file.Length)
                {
                    return NoStream;
                }

                if (index < perDifatSector)
                {
                    return U32(file, (int)at + index * 4);
                }

                index -= perDifatSector;
                difat = U32(file, (int)at + perDifatSector * 4);
            }

            return NoStream;
        }

        private static long SectorOffset(uint sector, int shift) => ((long)sector + 1) << shift;
    }

    private static bool Starts(ReadOnlySpan<byte> data, params ReadOnlySpan<byte> prefix) => data.StartsWith(prefix);

    private static ushort U16(ReadOnlySpan<byte> data, int at) =>
        at < 0 || at + 2 > data.Length ? (ushort)0 : BinaryPrimitives.ReadUInt16LittleEndian(data[at..]);

    private static uint U32(ReadOnlySpan<byte> data, int at) =>
        at < 0 || at + 4 > data.Length ? 0u : BinaryPrimitives.ReadUInt32LittleEndian(data[at..]);
}
