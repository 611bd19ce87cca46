using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SocialOrder.Domain.Common;

namespace SocialOrder.Infrastructure.Pdf;

/// <summary>Fonts, colours, measuring and line breaking shared by the portal's PDFs.</summary>
internal static class PdfText
{
    public static readonly XColor Ink = XColor.FromArgb(0x1F, 0x23, 0x28);
    public static readonly XColor Muted = XColor.FromArgb(0x5A, 0x64, 0x70);
    public static readonly XColor Accent = XColor.FromArgb(0x0B, 0x4F, 0x8A);
    public static readonly XColor Rule = XColor.FromArgb(0xC9, 0xCF, 0xD6);

    /// <summary>A DejaVu face with Unicode encoding, so every letter is embedded in the subset.</summary>
    public static XFont Font(double size, bool bold = false, bool mono = false) => new(
        mono ? DejaVuFontResolver.Mono : DejaVuFontResolver.Sans,
        size,
        bold ? XFontStyleEx.Bold : XFontStyleEx.Regular,
        new XPdfFontOptions(PdfFontEncoding.Unicode));

    public static double Width(XGraphics g, string text, XFont font) => g.MeasureString(text, font).Width;

    /// <summary>"dd.MM.yyyy HH:mm (UTC+5)" in Kazakhstan time, with the given date and time format.</summary>
    public static string KazakhstanStamp(DateTimeOffset utc, string format)
    {
        var local = KazakhstanTime.ToLocal(utc);
        var offset = local.Offset;
        var zone = "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(offset.Minutes == 0 ? "%h" : @"h\:mm", CultureInfo.InvariantCulture);
        return local.ToString(format, CultureInfo.InvariantCulture) + " (" + zone + ")";
    }

    /// <summary>Draws the lines top-down from <paramref name="y"/>; returns the height used.</summary>
    public static double DrawLines(XGraphics g, IReadOnlyList<string> lines, XFont font, XBrush brush, double x, double y)
    {
        foreach (var line in lines)
        {
            g.DrawString(line, font, brush, x, y, XStringFormats.TopLeft);
            y += font.GetHeight();
        }

        return lines.Count * font.GetHeight();
    }

    /// <summary>Breaks at spaces (no-break spaces hold), and inside a word only when the word alone is too wide.</summary>
    public static List<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var current = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Width(g, candidate, font) <= width)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = string.Empty;
                var elements = StringInfo.GetTextElementEnumerator(word);
                while (elements.MoveNext())
                {
                    var next = current + elements.GetTextElement();
                    if (current.Length > 0 && Width(g, next, font) > width)
                    {
                        lines.Add(current);
                        next = elements.GetTextElement();
                    }

                    current = next;
                }
            }

            if (current.Length > 0 || lines.Count == 0)
            {
                lines.Add(current);
            }
        }

        return lines;
    }
}
