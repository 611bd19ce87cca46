using System.Globalization;
using Microsoft.Extensions.Options;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Common;

namespace SocialOrder.Infrastructure.Pdf;

/// <summary>
/// The submission receipt: one A4 page (more only for a long file list), Kazakh and Russian side by side,
/// with a QR code of the verification address. Rendering is deterministic, so a receipt can be re-issued
/// byte for byte and its hash compared.
/// </summary>
public sealed class PdfSharpReceiptRenderer : IReceiptRenderer
{
    public PdfSharpReceiptRenderer(IOptions<PdfOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DejaVuFontResolver.Install(options.Value.FontDirectory);
    }

    public byte[] Render(ReceiptDocument receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        using var document = new PdfDocument();
        document.Info.Title = $"Түбіртек / Квитанция {receipt.ReceiptNumber}";
        document.Info.Subject = receipt.BidTitle;
        document.Info.Author = ReceiptLayout.PortalName;
        var identity = Fingerprint(receipt);
        ReproduciblePdf.Stamp(document, receipt.ReceivedAtUtc, identity);

        using (var layout = new ReceiptLayout(document, receipt))
        {
            layout.Compose();
        }

        return ReproduciblePdf.Save(document, identity);
    }

    /// <summary>SHA-256 over every field, so the document identifiers differ whenever the content does.</summary>
    private static byte[] Fingerprint(ReceiptDocument r)
    {
        var fields = new List<string>
        {
            r.ReceiptNumber, r.ReceivedAtUtc.UtcTicks.ToString(CultureInfo.InvariantCulture), r.CallReference, r.CallTitleKk, r.CallTitleRu,
            r.OrganizationNameKk, r.OrganizationNameRu, r.OrganizationBin, r.BidTitle, r.VersionNumber.ToString(CultureInfo.InvariantCulture),
            r.RequestedAmount.ToString(CultureInfo.InvariantCulture), r.ContentSha256, r.VerificationUrl,
        };
        fields.AddRange(r.Files.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.FileName}\u001F{f.Size}\u001F{f.Sha256}")));
        return ReproduciblePdf.Fingerprint(fields);
    }

    private sealed class ReceiptLayout : IDisposable
    {
        public const string PortalName = "SocialOrder";

        private const double PageWidth = 595.28;
        private const double PageHeight = 841.89;
        private const double Margin = 42;
        private const double Left = Margin;
        private const double Right = PageWidth - Margin;
        private const double ContentWidth = Right - Left;
        private const double FooterHeight = 50;
        private const double Bottom = PageHeight - Margin - FooterHeight;
        private const double LabelWidth = 150;
        private const double ValueLeft = Left + LabelWidth + 12;
        private const double ValueWidth = Right - ValueLeft;
        private const double QrSize = 104;
        private const double IndexWidth = 22;
        private const double SizeWidth = 96;

        private static readonly NumberFormatInfo Grouping = new() { NumberGroupSeparator = "\u00A0", NumberGroupSizes = [3] };

        private readonly PdfDocument _document;
        private readonly ReceiptDocument _receipt;
        private readonly List<XGraphics> _pages = [];
        private readonly XFont _portal = Font(9, bold: true);
        private readonly XFont _portalSub = Font(8);
        private readonly XFont _title = Font(18, bold: true);
        private readonly XFont _subtitle = Font(10);
        private readonly XFont _number = Font(13, bold: true);
        private readonly XFont _heading = Font(10.5, bold: true);
        private readonly XFont _label = Font(8.5);
        private readonly XFont _value = Font(10);
        private readonly XFont _valueBold = Font(10, bold: true);
        private readonly XFont _mono = Font(8.5, mono: true);
        private readonly XFont _fileName = Font(9);
        private readonly XFont _fileHash = Font(7, mono: true);
        private readonly XFont _small = Font(7);
        private readonly XBrush _ink = new XSolidBrush(PdfText.Ink);
        private readonly XBrush _muted = new XSolidBrush(PdfText.Muted);
        private readonly XBrush _accent = new XSolidBrush(PdfText.Accent);
        private readonly XPen _rule = new(PdfText.Rule, 0.6);
        private readonly XPen _strongRule = new(PdfText.Accent, 1.4);
        private double _y;

        public ReceiptLayout(PdfDocument document, ReceiptDocument receipt)
        {
            _document = document;
            _receipt = receipt;
        }

        private XGraphics G => _pages[^1];

        public void Compose()
        {
            NewPage();
            Header();
            Fields();
            Files();
            Footers();
        }

        public void Dispose()
        {
            foreach (var page in _pages)
            {
                page.Dispose();
            }
        }

        private void Header()
        {
            var textWidth = ContentWidth - QrSize - 18;
            _y += Text(PortalName, _portal, _accent, Left, _y, textWidth);
            _y += Lines(Bilingual("Мемлекеттік әлеуметтік тапсырыс порталы", "Портал государственного социального заказа", _portalSub, textWidth), _portalSub, _muted, Left, _y);
            _y += 16;
            _y += Text("Түбіртек / Квитанция", _title, _ink, Left, _y, textWidth);
            _y += Text("өтінімнің қабылданғаны туралы / о приёме заявки", _subtitle, _muted, Left, _y, textWidth);
            _y += 8;
            _y += Text("№ " + _receipt.ReceiptNumber, _number, _accent, Left, _y, textWidth);

            using (var qr = XImage.FromStream(new MemoryStream(QrCodePng.Render(_receipt.VerificationUrl, pixelsPerModule: 6))))
            {
                qr.Interpolate = false;
                G.DrawImage(qr, Right - QrSize, Margin, QrSize, QrSize);
            }

            var captionTop = Margin + QrSize + 2;
            G.DrawString("Тексеру / Проверка", _small, _muted, new XRect(Right - QrSize, captionTop, QrSize, _small.GetHeight()), XStringFormats.TopCenter);
            _y = Math.Max(_y, captionTop + _small.GetHeight()) + 10;
            G.DrawLine(_strongRule, Left, _y, Right, _y);
            _y += 4;
        }

        private void Fields()
        {
            Row(("Қабылданған уақыты", "Время приёма"), (PdfText.KazakhstanStamp(_receipt.ReceivedAtUtc, "dd.MM.yyyy HH:mm:ss"), _valueBold));
            Row(("Конкурс", "Конкурс"), (_receipt.CallReference, _valueBold), (_receipt.CallTitleKk, _value), (_receipt.CallTitleRu, _value));
            Row(("Ұйым", "Организация"), (_receipt.OrganizationNameKk, _value), (_receipt.OrganizationNameRu, _value), ("БСН / БИН: " + _receipt.OrganizationBin, _value));
            Row(("Өтінім", "Заявка"), (_receipt.BidTitle, _value));
            Row(("Өтінім нұсқасы", "Версия заявки"), (_receipt.VersionNumber.ToString(CultureInfo.InvariantCulture), _value));
            Row(("Сұралатын сома", "Запрашиваемая сумма"), (Money.Kzt(_receipt.RequestedAmount).ToString(), _valueBold));
            Row(("Мазмұнның SHA-256 хэші", "SHA-256 содержимого"), (_receipt.ContentSha256, _mono));
        }

        private void Row((string Kk, string Ru) label, params (string Text, XFont Font)[] values)
        {
            const double padding = 5;
            var labelLines = Bilingual(label.Kk, label.Ru, _label, LabelWidth);
            var valueLines = values.Select(v => (Lines: Wrap(v.Text, v.Font, ValueWidth), v.Font)).ToList();
            var height = Math.Max(
                labelLines.Count * _label.GetHeight(),
                valueLines.Sum(v => v.Lines.Count * v.Font.GetHeight() + 1)) + 2 * padding;
            if (_y + height > Bottom)
            {
                ContinuationPage();
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

        private void Files()
        {
            _y += 14;
            var count = _receipt.Files.Count;
            FilesHeading("Қоса берілген файлдар / Приложенные файлы: " + count.ToString(CultureInfo.InvariantCulture));
            if (count == 0)
            {
                _y += Text("Файлдар жоқ / Файлов нет", _fileName, _muted, Left, _y + 4, ContentWidth) + 4;
                return;
            }

            var nameWidth = ContentWidth - IndexWidth - SizeWidth - 8;
            for (var i = 0; i < count; i++)
            {
                var (fileName, size, sha256) = _receipt.Files[i];
                var nameLines = Wrap(fileName, _fileName, nameWidth);
                var hashLines = Wrap("SHA-256: " + sha256, _fileHash, ContentWidth - IndexWidth);
                var height = nameLines.Count * _fileName.GetHeight() + hashLines.Count * _fileHash.GetHeight() + 10;
                if (_y + height > Bottom)
                {
                    ContinuationPage();
                    FilesHeading("Қоса берілген файлдар (жалғасы) / Приложенные файлы (продолжение)");
                }

                var top = _y + 4;
                G.DrawString((i + 1).ToString(CultureInfo.InvariantCulture) + ".", _fileName, _muted, Left, top, XStringFormats.TopLeft);
                G.DrawString(size.ToString("#,0", Grouping) + "\u00A0байт", _fileName, _ink,
                    new XRect(Right - SizeWidth, top, SizeWidth, _fileName.GetHeight()), XStringFormats.TopRight);
                top += Lines(nameLines, _fileName, _ink, Left + IndexWidth, top) + 1;
                Lines(hashLines, _fileHash, _muted, Left + IndexWidth, top);
                _y += height;
                G.DrawLine(_rule, Left, _y, Right, _y);
            }
        }

        private void FilesHeading(string heading)
        {
            _y += Text(heading, _heading, _ink, Left, _y, ContentWidth) + 4;
            G.DrawString("№", _label, _muted, Left, _y, XStringFormats.TopLeft);
            G.DrawString("Файл атауы / Имя файла", _label, _muted, Left + IndexWidth, _y, XStringFormats.TopLeft);
            G.DrawString("Өлшемі / Размер", _label, _muted, new XRect(Right - SizeWidth, _y, SizeWidth, _label.GetHeight()), XStringFormats.TopRight);
            _y += _label.GetHeight() + 2;
            G.DrawLine(_rule, Left, _y, Right, _y);
        }

        private void Footers()
        {
            var lines = new List<string>();
            lines.AddRange(Wrap("Түбіртекті портал автоматты түрде қалыптастырды. Түпнұсқалығын QR-код арқылы немесе мына мекенжайда тексеруге болады:", _small, ContentWidth - 70));
            lines.AddRange(Wrap("Квитанция сформирована порталом автоматически. Подлинность можно проверить по QR-коду или по адресу:", _small, ContentWidth - 70));
            lines.AddRange(Wrap(_receipt.VerificationUrl, _small, ContentWidth - 70));
            for (var i = 0; i < _pages.Count; i++)
            {
                var g = _pages[i];
                var top = PageHeight - Margin - FooterHeight + 8;
                g.DrawLine(_rule, Left, top, Right, top);
                top += 4;
                foreach (var line in lines)
                {
                    g.DrawString(line, _small, _muted, Left, top, XStringFormats.TopLeft);
                    top += _small.GetHeight();
                }

                var page = string.Create(CultureInfo.InvariantCulture, $"Бет / Стр. {i + 1} / {_pages.Count}");
                g.DrawString(page, _small, _muted, new XRect(Right - 70, PageHeight - Margin - FooterHeight + 12, 70, _small.GetHeight()), XStringFormats.TopRight);
            }
        }

        private void NewPage()
        {
            var page = _document.AddPage();
            page.Size = PageSize.A4;
            _pages.Add(XGraphics.FromPdfPage(page));
            _y = Margin;
        }

        private void ContinuationPage()
        {
            NewPage();
            _y += Text($"{PortalName} · Түбіртек / Квитанция № {_receipt.ReceiptNumber}", _portalSub, _muted, Left, _y, ContentWidth) + 4;
            G.DrawLine(_strongRule, Left, _y, Right, _y);
            _y += 10;
        }

        /// <summary>"kk / ru" on one line when it fits; otherwise each language starts its own line.</summary>
        private List<string> Bilingual(string kk, string ru, XFont font, double width)
        {
            var both = kk + " / " + ru;
            return Width(both, font) <= width ? [both] : [.. Wrap(kk + " /", font, width), .. Wrap(ru, font, width)];
        }

        private double Text(string text, XFont font, XBrush brush, double x, double y, double width) =>
            Lines(Wrap(text, font, width), font, brush, x, y);

        private double Lines(List<string> lines, XFont font, XBrush brush, double x, double y) => PdfText.DrawLines(G, lines, font, brush, x, y);

        private List<string> Wrap(string text, XFont font, double width) => PdfText.Wrap(G, text, font, width);

        private double Width(string text, XFont font) => PdfText.Width(G, text, font);

        private static XFont Font(double size, bool bold = false, bool mono = false) => PdfText.Font(size, bold, mono);
    }
}
