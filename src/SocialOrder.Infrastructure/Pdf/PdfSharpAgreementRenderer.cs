using System.Globalization;
using Microsoft.Extensions.Options;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Common;

namespace SocialOrder.Infrastructure.Pdf;

/// <summary>
/// The agreement: A4 portrait, one language per document, the QR code of the call's results on the first page and the
/// agreement's SHA-256 in every page's footer. Built from the receipt's and the protocol's parts (fonts, wrapping, the
/// reproducible stamp), so the same agreement always renders to the same bytes.
/// </summary>
public sealed class PdfSharpAgreementRenderer : IAgreementRenderer
{
    public PdfSharpAgreementRenderer(IOptions<PdfOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DejaVuFontResolver.Install(options.Value.FontDirectory);
    }

    public byte[] Render(AgreementDocument agreement, ProtocolLanguage language)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var text = AgreementPdfText.For(language);
        using var document = new PdfDocument();
        document.Info.Title = $"{text.Title} № {agreement.Number}";
        document.Info.Subject = agreement.ProjectTitle;
        document.Info.Author = agreement.Parties.StateBodyName.For(text.Culture);
        var identity = ReproduciblePdf.Fingerprint(["agreement", language.ToString(), agreement.Sha256, agreement.VerificationUrl, agreement.IssuedAtUtc.UtcTicks.ToString(CultureInfo.InvariantCulture)]);
        ReproduciblePdf.Stamp(document, agreement.IssuedAtUtc, identity);
        using (var layout = new AgreementLayout(document, agreement, text))
        {
            layout.Compose();
        }

        return ReproduciblePdf.Save(document, identity);
    }

    private sealed class AgreementLayout(PdfDocument document, AgreementDocument a, AgreementPdfText t) : IDisposable
    {
        private const double PageWidth = 595.28;
        private const double PageHeight = 841.89;
        private const double Margin = 42;
        private const double Left = Margin;
        private const double Right = PageWidth - Margin;
        private const double ContentWidth = Right - Left;
        private const double FooterHeight = 44;
        private const double Bottom = PageHeight - Margin - FooterHeight;
        private const double LabelWidth = 150;
        private const double ValueLeft = Left + LabelWidth + 12;
        private const double ValueWidth = Right - ValueLeft;
        private const double QrSize = 96;
        private const double Pad = 3;

        private readonly List<XGraphics> _pages = [];
        private readonly XFont _portal = PdfText.Font(8);
        private readonly XFont _title = PdfText.Font(17, bold: true);
        private readonly XFont _subtitle = PdfText.Font(10);
        private readonly XFont _heading = PdfText.Font(10.5, bold: true);
        private readonly XFont _label = PdfText.Font(8.5);
        private readonly XFont _value = PdfText.Font(9.5);
        private readonly XFont _valueBold = PdfText.Font(9.5, bold: true);
        private readonly XFont _head = PdfText.Font(7.5, bold: true);
        private readonly XFont _cell = PdfText.Font(8);
        private readonly XFont _small = PdfText.Font(7);
        private readonly XFont _mono = PdfText.Font(7, mono: true);
        private readonly XBrush _ink = new XSolidBrush(PdfText.Ink);
        private readonly XBrush _muted = new XSolidBrush(PdfText.Muted);
        private readonly XBrush _accent = new XSolidBrush(PdfText.Accent);
        private readonly XBrush _headFill = new XSolidBrush(XColor.FromArgb(0xE6, 0xED, 0xF4));
        private readonly XPen _rule = new(PdfText.Rule, 0.6);
        private readonly XPen _strongRule = new(PdfText.Accent, 1.4);
        private double _y;

        private XGraphics G => _pages[^1];

        public void Compose()
        {
            NewPage();
            Header();
            Fields();
            Section(t.PaymentSection, [(t.Number, 24), (t.Kind, 80), (t.Year, 44), (t.Date, 62), (t.Sum, 90), (t.Condition, 0)],
                a.Tranches.Select(x => new[]
                {
                    N(x.Number), t.TrancheKinds[x.Kind], N(x.Year), D(x.PlannedOn), Money.Kzt(x.Amount).ToString(), x.AfterReport is { } r ? t.AfterReport(r) : t.OnAcceptance,
                }).ToList());
            Section(t.ReportingSection, [(t.Number, 24), (t.Kind, 0), (t.Year, 60), (t.Date, 80)],
                a.Reports.Select(r => new[] { N(r.Number), t.ReportKinds[r.Kind], N(r.Year), D(r.DueOn) }).ToList());
            Section(t.ActivitiesSection, [(t.Number, 24), (t.Activity, 0), (t.MonthsColumn, 70)],
                a.Activities.Select((x, i) => new[] { N(i + 1), x.Name, $"{N(x.StartMonth)}–{N(x.EndMonth)}" }).ToList());
            Section(t.IndicatorsSection, [(t.Number, 24), (t.Indicator, 0), (t.Baseline, 90), (t.Target, 90)],
                a.Indicators.Select((x, i) => new[] { N(i + 1), x.Name, x.Baseline, x.Target }).ToList());
            if (a.Budget is { Count: > 0 } budget)
            {
                Section(t.BudgetSection, [(t.Number, 24), (t.Year, 44), (t.Category, 80), (t.Description, 0), (t.Sum, 90)],
                    budget.Select((x, i) => new[] { N(i + 1), N(x.Year), t.Categories[x.Category], x.Description, Money.Kzt(x.Amount).ToString() }).ToList());
            }

            Signatures();
            Footers();
        }

        public void Dispose()
        {
            foreach (var page in _pages)
            {
                page.Dispose();
            }
        }

        private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

        private static string D(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

        private void Header()
        {
            var width = ContentWidth - QrSize - 18;
            _y += Text(t.Portal, _portal, _muted, Left, _y, width) + 4;
            _y += Text(a.Parties.StateBodyName.For(t.Culture), _heading, _ink, Left, _y, width) + 10;
            _y += Text($"{t.Title} № {a.Number}", _title, _accent, Left, _y, width);
            _y += Text(t.Subtitle, _subtitle, _muted, Left, _y, width);
            using (var qr = XImage.FromStream(new MemoryStream(QrCodePng.Render(a.VerificationUrl, pixelsPerModule: 6))))
            {
                qr.Interpolate = false;
                G.DrawImage(qr, Right - QrSize, Margin, QrSize, QrSize);
            }

            var captionTop = Margin + QrSize + 2;
            G.DrawString(t.Scan, _small, _muted, new XRect(Right - QrSize, captionTop, QrSize, _small.GetHeight()), XStringFormats.TopCenter);
            _y = Math.Max(_y, captionTop + _small.GetHeight()) + 8;
            G.DrawLine(_strongRule, Left, _y, Right, _y);
            _y += 2;
        }

        private void Fields()
        {
            Row(t.IssuedAt, (PdfText.KazakhstanStamp(a.IssuedAtUtc, "dd.MM.yyyy HH:mm"), _value));
            Row(t.Call, (a.CallReference, _valueBold), (a.CallTitle.For(t.Culture), _value));
            if (a.ProtocolNumber is { } protocol)
            {
                Row(t.Protocol, (protocol, _value));
            }

            Row(t.StateBody, (a.Parties.StateBodyName.For(t.Culture), _value), ($"{t.Bin}: {a.Parties.StateBodyBin}", _value));
            Row(t.Organization, (a.Parties.OrganizationName.For(t.Culture), _valueBold), ($"{t.Bin}: {a.Parties.OrganizationBin}", _value), ($"{t.Head}: {a.Parties.OrganizationHead}", _value));
            Row(t.Project, (a.ProjectTitle, _valueBold));
            Row(t.Term, ($"{D(a.Term.Start)} – {D(a.Term.End)} ({t.Months(a.Term.Months)})", _value));
            var years = a.Years.Select(y => ($"{t.ProjectYear(y.Year)}: {Money.Kzt(y.Amount)}", _value));
            Row(t.Amount, [(Money.Kzt(a.Total).ToString(), _valueBold), .. a.Years.Count > 1 ? years : []]);
        }

        private void Row(string label, params (string Text, XFont Font)[] values)
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

        /// <summary>A table whose zero-width column takes what is left; it breaks across pages with its header repeated.</summary>
        private void Section(string heading, IReadOnlyList<(string Header, double Width)> columns, List<string[]> rows)
        {
            var flex = ContentWidth - columns.Sum(c => c.Width);
            var widths = columns.Select(c => c.Width > 0 ? c.Width : flex).ToList();
            if (_y + 60 > Bottom)
            {
                NewPage();
            }

            _y += 12;
            _y += Text(heading, _heading, _ink, Left, _y, ContentWidth) + 4;
            TableHeader(columns, widths);
            if (rows.Count == 0)
            {
                _y += Text(t.None, _cell, _muted, Left + Pad, _y + Pad, ContentWidth) + 2 * Pad;
                return;
            }

            foreach (var row in rows)
            {
                var cells = row.Select((c, i) => Wrap(c, _cell, widths[i] - 2 * Pad)).ToList();
                var height = cells.Max(c => c.Count) * _cell.GetHeight() + 2 * Pad;
                if (_y + height > Bottom)
                {
                    NewPage();
                    TableHeader(columns, widths);
                }

                var x = Left;
                for (var i = 0; i < cells.Count; i++)
                {
                    Lines(cells[i], _cell, _ink, x + Pad, _y + Pad);
                    x += widths[i];
                }

                _y += height;
                G.DrawLine(_rule, Left, _y, Right, _y);
            }
        }

        private void TableHeader(IReadOnlyList<(string Header, double Width)> columns, List<double> widths)
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

        private void Signatures()
        {
            if (_y + 110 > Bottom)
            {
                NewPage();
            }

            _y += 16;
            _y += Text(t.Signatures, _heading, _ink, Left, _y, ContentWidth) + 6;
            var half = (ContentWidth - 24) / 2;
            var top = _y;
            var leftHeight = Text(t.ForStateBody, _label, _muted, Left, top, half) + Text(a.Parties.StateBodyName.For(t.Culture), _value, _ink, Left, top + _label.GetHeight(), half);
            var rightHeight = Text(t.ForOrganization, _label, _muted, Left + half + 24, top, half) +
                Text($"{a.Parties.OrganizationName.For(t.Culture)}, {a.Parties.OrganizationHead}", _value, _ink, Left + half + 24, top + _label.GetHeight(), half);
            _y = top + Math.Max(leftHeight, rightHeight) + 6;
            _y += Text(t.AcceptedOnPortal, _small, _muted, Left, _y, ContentWidth);
        }

        private void Footers()
        {
            for (var i = 0; i < _pages.Count; i++)
            {
                var g = _pages[i];
                var top = PageHeight - Margin - FooterHeight + 8;
                g.DrawLine(_rule, Left, top, Right, top);
                top += 4;
                g.DrawString($"{t.Hash}: ", _small, _muted, Left, top, XStringFormats.TopLeft);
                g.DrawString(a.Sha256, _mono, _ink, Left, top + _small.GetHeight(), XStringFormats.TopLeft);
                g.DrawString($"{t.Verification} {a.VerificationUrl}", _small, _muted, Left, top + 2 * _small.GetHeight() + 1, XStringFormats.TopLeft);
                g.DrawString(t.Page(i + 1, _pages.Count), _small, _muted, new XRect(Right - 80, top, 80, _small.GetHeight()), XStringFormats.TopRight);
            }
        }

        private void NewPage()
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            _pages.Add(XGraphics.FromPdfPage(page));
            _y = Margin;
            if (_pages.Count > 1)
            {
                _y += Text($"{t.Title} № {a.Number}", _portal, _muted, Left, _y, ContentWidth) + 4;
                G.DrawLine(_strongRule, Left, _y, Right, _y);
                _y += 8;
            }
        }

        private double Text(string text, XFont font, XBrush brush, double x, double y, double width) => Lines(Wrap(text, font, width), font, brush, x, y);

        private double Lines(List<string> lines, XFont font, XBrush brush, double x, double y) => PdfText.DrawLines(G, lines, font, brush, x, y);

        private List<string> Wrap(string text, XFont font, double width) => PdfText.Wrap(G, text, font, width);
    }
}
