using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace SocialOrder.Infrastructure.Pdf;

public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>Folder with DejaVuSans.ttf, DejaVuSans-Bold.ttf and DejaVuSansMono.ttf (Debian: fonts-dejavu-core).</summary>
    public string FontDirectory { get; set; } = "/usr/share/fonts/truetype/dejavu";
}

/// <summary>
/// Serves the DejaVu faces to PDFsharp, which has no fonts of its own on Linux. DejaVu covers Kazakh Cyrillic
/// (ә ғ қ ң ө ұ ү һ і) and the tenge sign, and is embedded as a subset so every reader shows the same text.
/// Any family other than <see cref="Mono"/> resolves to <see cref="Sans"/>.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string Sans = "DejaVu Sans";
    public const string Mono = "DejaVu Sans Mono";

    private static readonly string[] Faces = ["DejaVuSans", "DejaVuSans-Bold", "DejaVuSansMono", "DejaVuSansMono-Bold"];
    private static readonly Lock Gate = new();

    private readonly string _directory;
    private readonly ConcurrentDictionary<string, byte[]> _fonts = new(StringComparer.Ordinal);

    private DejaVuFontResolver(string directory)
    {
        _directory = directory;
    }

    /// <summary>
    /// Installs the resolver for the whole process once. PDFsharp's font settings are global and refuse a change
    /// after the first use, so a second call (another host in the same process) keeps the first folder.
    /// </summary>
    public static DejaVuFontResolver Install(string directory)
    {
        lock (Gate)
        {
            switch (GlobalFontSettings.FontResolver)
            {
                case DejaVuFontResolver installed:
                    return installed;
                case null:
                    var missing = Faces.Where(f => !File.Exists(Path.Combine(directory, f + ".ttf"))).ToList();
                    if (missing.Count > 0)
                    {
                        throw new FileNotFoundException(
                            $"The PDF fonts {string.Join(", ", missing)} are not in '{directory}': install fonts-dejavu-core " +
                            $"(apt-get install fonts-dejavu-core) or set {PdfOptions.Section}:{nameof(PdfOptions.FontDirectory)}.");
                    }

                    var resolver = new DejaVuFontResolver(directory);
                    GlobalFontSettings.FontResolver = resolver;
                    return resolver;
                default:
                    throw new InvalidOperationException(
                        "Another PDFsharp font resolver is installed (" + GlobalFontSettings.FontResolver.GetType().Name + "); use DejaVuFontResolver.Install everywhere.");
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var family = string.Equals(familyName, Mono, StringComparison.OrdinalIgnoreCase) ? "DejaVuSansMono" : "DejaVuSans";
        return new FontResolverInfo(bold ? family + "-Bold" : family, mustSimulateBold: false, mustSimulateItalic: italic);
    }

    public byte[]? GetFont(string faceName) =>
        Faces.Contains(faceName, StringComparer.Ordinal)
            ? _fonts.GetOrAdd(faceName, f => File.ReadAllBytes(Path.Combine(_directory, f + ".ttf")))
            : null;
}
