using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace SocialOrder.Infrastructure.Pdf;

/// <summary>What every page of a document prints around its content: the running title on later pages, the hash, the
/// verification address and the page number in the footer.</summary>
internal sealed record PageFrame(string RunningTitle, string HashLabel, string Sha256, string VerificationLine, Func<int, int, string> PageLabel);

/// <summary>
/// The A4 page of the agreement and the report receipt: margins, fonts, label/value rows, table headers, the running
/// title and the footers with the document's hash, so both documents look alike and render to the same bytes every time.
/// </summary>
internal abstract class PdfPageLayout(PdfDocument document, PageFrame frame) : IDisposable
{
    protected const double PageWidth = 595.28;
    protected const double PageHeight = 841.89;
    protected const double Margin = 42;
    protected const double Left = Margin;
    protected const double Right = PageWidth - Margin;
    protected const double ContentWidth = Right - Left;
    protected const double FooterHeight = 44;
    protected const double Bottom = PageHeight - Margin - FooterHeight;
    protected const double LabelWidth = 150;
    protected const double ValueLeft = Left + LabelWidth + 12;
    protected const double ValueWidth = Right - ValueLeft;
    protected const double QrSize = 96;
    protected const double Pad = 3;

    protected readonly List<XGraphics> _pages = [];
    protected readonly XFont _portal = PdfText.Font(8);
    protected readonly XFont _title = PdfText.Font(17, bold: true);
    protected readonly XFont _subtitle = PdfText.Font(10);
    protected readonly XFont _heading = PdfText.Font(10.5, bold: true);
    protected readonly XFont _label = PdfText.Font(8.5);
    protected readonly XFont _value = PdfText.Font(9.5);
    protected readonly XFont _valueBold = PdfText.Font(9.5, bold: true);
    protected readonly XFont _head = PdfText.Font(7.5, bold: true);
    protected readonly XFont _cell = PdfText.Font(8);
    protected readonly XFont _small = PdfText.Font(7);
    protected readonly XFont _mono = PdfText.Font(7, mono: true);
    protected readonly XBrush _ink = new XSolidBrush(PdfText.Ink);
    protected readonly XBrush _muted = new XSolidBrush(PdfText.Muted);
    protected readonly XBrush _accent = new XSolidBrush(PdfText.Accent);
    protected readonly XBrush _headFill = new XSolidBrush(XColor.FromArgb(0xE6, 0xED, 0xF4));
    protected readonly XPen _rule = new(PdfText.Rule, 0.6);
    protected readonly XPen _strongRule = new(PdfText.Accent, 1.4);
    protected double _y;

    protected XGraphics G => _pages[^1];

    public void Dispose()
    {
        foreach (var page in _pages)
        {
            page.Dispose();
        }
    }

    protected static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    protected static string D(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    protected void Row(string label, params (string Text, XFont Font)[] values)
    {
        const double padding = 4;
        var labelLines = Wrap(label, _label, LabelWidth);
        var valueLines = values.Select(v => (Lines: Wrap(v.Text, v.Font, ValueWidth), v.Font)).ToList();
        var height = Math.Max(labelLines.Count * _label.GetHeight(), valueLines.Sum(v => v.Lines.Count * v.Font.GetHeight() + 1)) + 2 * padding;
        if (_y + height > Bottom)
        {
            NewPage();
        }

        var top = _y + padding;
        Lines(labelLines, _label, _muted, Left, top);
        foreach (var (lines, font) in valueLines)
        {
            top += Lines(lines, font, _ink, ValueLeft, top) + 1;
        }

        _y += height;
        G.DrawLine(_rule, Left, _y, Right, _y);
    }

    protected void TableHeader(IReadOnlyList<(string Header, double Width)> columns, List<double> widths)
    {
        var cells = columns.Select((c, i) => Wrap(c.Header, _head, widths[i] - 2 * Pad)).ToList();
        var height = cells.Max(c => c.Count) * _head.GetHeight() + 2 * Pad;
        G.DrawRectangle(_headFill, Left, _y, ContentWidth, height);
        var x = Left;
        for (var i = 0; i < cells.Count; i++)
        {
            Lines(cells[i], _head, _ink, x + Pad, _y + Pad);
            x += widths[i];
        }

        _y += height;
    }

    protected void Footers()
    {
        for (var i = 0; i < _pages.Count; i++)
        {
            var g = _pages[i];
            var top = PageHeight - Margin - FooterHeight + 8;
            g.DrawLine(_rule, Left, top, Right, top);
            top += 4;
            g.DrawString($"{frame.HashLabel}: ", _small, _muted, Left, top, XStringFormats.TopLeft);
            g.DrawString(frame.Sha256, _mono, _ink, Left, top + _small.GetHeight(), XStringFormats.TopLeft);
            g.DrawString(frame.VerificationLine, _small, _muted, Left, top + 2 * _small.GetHeight() + 1, XStringFormats.TopLeft);
            g.DrawString(frame.PageLabel(i + 1, _pages.Count), _small, _muted, new XRect(Right - 80, top, 80, _small.GetHeight()), XStringFormats.TopRight);
        }
    }

    protected void NewPage()
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        _pages.Add(XGraphics.FromPdfPage(page));
        _y = Margin;
        if (_pages.Count > 1)
        {
            _y += Text(frame.RunningTitle, _portal, _muted, Left, _y, ContentWidth) + 4;
            G.DrawLine(_strongRule, Left, _y, Right, _y);
            _y += 8;
        }
    }

    protected double Text(string text, XFont font, XBrush brush, double x, double y, double width) => Lines(Wrap(text, font, width), font, brush, x, y);

    protected double Lines(List<string> lines, XFont font, XBrush brush, double x, double y) => PdfText.DrawLines(G, lines, font, brush, x, y);

    protected List<string> Wrap(string text, XFont font, double width) => PdfText.Wrap(G, text, font, width);
}
