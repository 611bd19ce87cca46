using System.Globalization;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Common;

namespace SocialOrder.Infrastructure.Pdf;

/// <summary>
/// The commission's award protocol: one language per document, A4 landscape so that the ranking table keeps one
/// column per criterion. Tables break across pages with their header row repeated; every cell wraps inside its
/// column. Rendering is deterministic: the same protocol and language give the same bytes. The verification QR code
/// sits in the first page's header and every page's footer carries the decision's SHA-256 and the verification link,
/// so no page holds the verification alone and a reader finds it on whichever page they hold.
/// </summary>
public sealed class PdfSharpAwardProtocolRenderer : IAwardProtocolRenderer
{
    public PdfSharpAwardProtocolRenderer(IOptions<PdfOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DejaVuFontResolver.Install(options.Value.FontDirectory);
    }

    public byte[] Render(AwardProtocolDocument protocol, ProtocolLanguage language)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var text = AwardProtocolText.For(language);
        using var document = new PdfDocument();
        document.Info.Title = $"{text.DocumentTitle} № {protocol.ProtocolNumber}";
        document.Info.Subject = protocol.CallTitle.For(text.Culture);
        document.Info.Author = protocol.StateBodyName.For(text.Culture);
        var identity = Fingerprint(protocol, language);
        ReproduciblePdf.Stamp(document, protocol.DecidedAtUtc, identity);

        using (var layout = new ProtocolLayout(document, protocol, text))
        {
            layout.Compose();
        }

        return ReproduciblePdf.Save(document, identity);
    }

    /// <summary>Every field and the language, so two documents share identifiers only when they say the same.</summary>
    private static byte[] Fingerprint(AwardProtocolDocument p, ProtocolLanguage language)
    {
        static string L(LocalizedText t) => t.Kk + "\u001F" + t.Ru + "\u001F" + t.En;
        static string D(decimal d) => d.ToString(CultureInfo.InvariantCulture);
        var fields = new List<string>
        {
            "award-protocol", language.ToString(), p.ProtocolNumber, p.DecidedAtUtc.UtcTicks.ToString(CultureInfo.InvariantCulture),
            L(p.StateBodyName), p.CallReference, L(p.CallTitle), D(p.Budget), D(p.QuorumFraction),
            string.Create(CultureInfo.InvariantCulture, $"{p.BidsReceived}\u001F{p.BidsWithdrawn}\u001F{p.BidsEvaluated}"),
            D(p.TotalAwarded), p.DecisionSha256, p.VerificationUrl, p.Instrument.ToString(),
            p.AuditHead is { } head ? string.Create(CultureInfo.InvariantCulture, $"a\u001F{head.Sequence}\u001F{head.Hash}") : "a",
        };
        fields.AddRange(p.Members.Select(m => $"m\u001F{m.FullName}\u001F{m.Role}\u001F{m.IsObserver}\u001F{m.Present}"));
        fields.AddRange(p.Ineligible.Select(b => $"i\u001F{b.ReceiptNumber}\u001F{L(b.OrganizationName)}\u001F{b.Bin}\u001F{b.Reason}"));
        fields.AddRange(p.Criteria.Select(c => string.Create(CultureInfo.InvariantCulture, $"c\u001F{c.Code}\u001F{L(c.Name)}\u001F{c.Weight}\u001F{c.MaxPoints}")));
        fields.AddRange(p.Bids.Select(b => string.Create(
            CultureInfo.InvariantCulture,
            $"b\u001F{b.Rank}\u001F{b.ReceiptNumber}\u001F{L(b.OrganizationName)}\u001F{b.Bin}\u001F{b.Requested}\u001F{string.Join(';', b.CriterionMeans.Select(D))}\u001F{b.Total}\u001F{string.Join(';', b.Flags)}\u001F{b.Outcome}\u001F{b.Awarded}\u001F{b.AmountJustification}")));
        fields.AddRange(p.Dissents.Select(d => $"d\u001F{d.MemberName}\u001F{d.Text}"));
        return ReproduciblePdf.Fingerprint(fields);
    }

    private enum Align
    {
        Left,
        Right,
    }

    /// <summary>A table column: content-sized unless <paramref name="Flex"/> is positive (then it shares what is left).</summary>
    private sealed record Column(string Header, Align Align = Align.Left, double Flex = 0, double Cap = double.MaxValue);

    private readonly record struct Cell(string Text, bool Bold = false)
    {
        public static implicit operator Cell(string text) => new(text);
    }

    private sealed class ProtocolLayout : IDisposable
    {
        private const double PageWidth = 841.89;
        private const double PageHeight = 595.28;
        private const double Margin = 36;
        private const double Left = Margin;
        private const double Right = PageWidth - Margin;
        private const double ContentWidth = Right - Left;
        private const double Top = 32;
        private const double FooterRule = PageHeight - 58;
        private const double Bottom = FooterRule - 8;
        private const double LabelWidth = 260;
        private const double PadX = 3;
        private const double PadY = 2.5;
        private const double MinFlexWidth = 90;
        private const double QrSize = 78;
        private const double SignatureLine = 170;

        private static readonly NumberFormatInfo Points = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "\u00A0", NumberGroupSizes = [3] };

        private readonly PdfDocument _document;
        private readonly AwardProtocolDocument _p;
        private readonly AwardProtocolText _t;
        private readonly List<XGraphics> _pages = [];
        private readonly XFont _portal = PdfText.Font(7.5);
        private readonly XFont _stateBody = PdfText.Font(11, bold: true);
        private readonly XFont _title = PdfText.Font(15, bold: true);
        private readonly XFont _subtitle = PdfText.Font(9.5);
        private readonly XFont _heading = PdfText.Font(10.5, bold: true);
        private readonly XFont _body = PdfText.Font(9);
        private readonly XFont _bodyBold = PdfText.Font(9, bold: true);
        private readonly XFont _label = PdfText.Font(8.5);
        private readonly XFont _head = PdfText.Font(7, bold: true);
        private readonly XFont _cell = PdfText.Font(7.5);
        private readonly XFont _cellBold = PdfText.Font(7.5, bold: true);
        private readonly XFont _small = PdfText.Font(7);
        private readonly XBrush _ink = new XSolidBrush(PdfText.Ink);
        private readonly XBrush _muted = new XSolidBrush(PdfText.Muted);
        private readonly XBrush _accent = new XSolidBrush(PdfText.Accent);
        private readonly XBrush _headFill = new XSolidBrush(XColor.FromArgb(0xE6, 0xED, 0xF4));
        private readonly XBrush _stripe = new XSolidBrush(XColor.FromArgb(0xF6, 0xF8, 0xFA));
        private readonly XPen _grid = new(PdfText.Rule, 0.5);
        private readonly XPen _rule = new(PdfText.Rule, 0.6);
        private readonly XPen _strongRule = new(PdfText.Accent, 1.4);
        private readonly XPen _ink05 = new(PdfText.Ink, 0.5);
        private int _section;
        private double _y;

        public ProtocolLayout(PdfDocument document, AwardProtocolDocument protocol, AwardProtocolText text)
        {
            _document = document;
            _p = protocol;
            _t = text;
        }

        private XGraphics G => _pages[^1];

        public void Compose()
        {
            NewPage();
            Header();
            CallDetails();
            Commission();
            BidCounts();
            Ranking();
            Winners();
            Reserve();
            Justifications();
            Dissents();
            Signatures();
            AuditChainHead();
            Footers();
        }

        public void Dispose()
        {
            foreach (var page in _pages)
            {
                page.Dispose();
            }
        }

        private string Local(LocalizedText text) => text.For(_t.Culture);

        private static string Amount(decimal amount) => Money.Kzt(amount).ToString();

        private static string Score(decimal score) => score.ToString("#,0.00", Points);

        private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

        private void Header()
        {
            var portal = "SocialOrder · " + _t.Portal;
            G.DrawString(portal, _portal, _muted, Left, _y, XStringFormats.TopLeft);
            _y += _portal.GetHeight() + 4;
            G.DrawLine(_strongRule, Left, _y, Right, _y);
            _y += 10;

            // The verification QR code in the header's right corner; the centred lines keep clear of it on both sides.
            var qrTop = _y;
            using (var qr = XImage.FromStream(new MemoryStream(QrCodePng.Render(_p.VerificationUrl, pixelsPerModule: 6))))
            {
                qr.Interpolate = false;
                G.DrawImage(qr, Right - QrSize, qrTop, QrSize, QrSize);
            }

            G.DrawString(_t.Scan, _small, _muted, new XRect(Right - QrSize, qrTop + QrSize + 2, QrSize, _small.GetHeight()), XStringFormats.TopCenter);
            var width = ContentWidth - 2 * (QrSize + 12);
            Centered(Local(_p.StateBodyName), _stateBody, _ink, width);
            _y += 6;
            var date = KazakhstanTime.ToLocal(_p.DecidedAtUtc).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
            Centered(_t.Title(_p.ProtocolNumber, date), _title, _accent, width);
            if (_p.Version > 1)
            {
                _y += 2;
                Centered(_t.Version(_p.Version), _subtitle, _accent, width);
            }

            _y += 2;
            Centered(_t.Subtitle(_p.Instrument), _subtitle, _muted, width);
            _y = Math.Max(_y, qrTop + QrSize + _small.GetHeight() + 4) + 8;
        }

        private void CallDetails()
        {
            Heading(_t.CallSection);
            Field(_t.CallReference, _p.CallReference, _bodyBold);
            Field(_t.CallTitle, Local(_p.CallTitle), _body);
            Field(_t.Budget, Amount(_p.Budget), _bodyBold);
            Field(_t.DecidedAt, PdfText.KazakhstanStamp(_p.DecidedAtUtc, "dd.MM.yyyy HH:mm"), _body);
        }

        private void Commission()
        {
            Heading(_t.CommissionSection);
            var rows = _p.Members.Select((m, i) => new Cell[]
            {
                Count(i + 1), m.FullName, _t.RoleName(m), new(m.Present ? _t.Present : _t.Absent, Bold: !m.Present),
            }).ToList();
            Table([new("№", Align.Right), new(_t.FullName, Flex: 2), new(_t.Role, Flex: 1), new(_t.Attendance)], rows);

            // Every member counts, Public Council observers included, with the same rounding as the decision itself.
            var voting = _p.Members;
            var present = voting.Count(m => m.Present);
            var required = (int)decimal.Ceiling(decimal.Round(_p.QuorumFraction * voting.Count, 2));
            var met = voting.Count > 0 && present >= required;
            _y += 4;
            Paragraph(_t.QuorumCount(present, voting.Count, required) + " " + (met ? _t.QuorumMet : _t.QuorumNotMet), _body, _ink, Left, ContentWidth);
        }

        private void BidCounts()
        {
            Heading(_t.BidsSection);
            Field(_t.BidsReceived, Count(_p.BidsReceived), _bodyBold);
            Field(_t.BidsWithdrawn, Count(_p.BidsWithdrawn), _bodyBold);
            Field(_t.BidsIneligible, Count(_p.Ineligible.Count), _bodyBold);
            Field(_t.BidsEvaluated, Count(_p.BidsEvaluated), _bodyBold);
            if (_p.Ineligible.Count == 0)
            {
                return;
            }

            var rows = _p.Ineligible.Select((b, i) => new Cell[] { Count(i + 1), b.ReceiptNumber, Local(b.OrganizationName), b.Bin, b.Reason }).ToList();
            _y += 6;
            Table([new("№", Align.Right), new(_t.ReceiptNumber), new(_t.Organization, Flex: 3), new(_t.Bin), new(_t.Reason, Flex: 4)], rows, _t.IneligibleHeading);
        }

        private void Ranking()
        {
            Heading(_t.EvaluationSection);
            if (_p.Bids.Count == 0)
            {
                Paragraph(_t.NoneEvaluated, _body, _ink, Left, ContentWidth);
                return;
            }

            Paragraph(_t.EvaluationNote, _label, _muted, Left, ContentWidth);
            _y += 3;
            var columns = new List<Column>
            {
                new(_t.Rank, Align.Right), new(_t.ReceiptNumber), new(_t.Organization, Flex: 1), new(_t.Bin), new(_t.Requested, Align.Right),
            };
            columns.AddRange(_p.Criteria.Select(c => new Column(c.Code, Align.Right)));
            columns.AddRange([new(_t.Total, Align.Right), new(_t.Flags, Cap: 84), new(_t.Outcome, Cap: 80)]);
            var rows = Ranked().Select(b =>
            {
                var cells = new List<Cell> { Count(b.Rank), b.ReceiptNumber, Local(b.OrganizationName), b.Bin, Amount(b.Requested) };
                cells.AddRange(_p.Criteria.Select((_, i) => new Cell(i < b.CriterionMeans.Count ? Score(b.CriterionMeans[i]) : "—")));
                cells.Add(new(Score(b.Total), Bold: true));
                cells.Add(string.Join(", ", b.Flags.Select(_t.FlagName)));
                cells.Add(new(_t.OutcomeNames.GetValueOrDefault(b.Outcome, b.Outcome.ToString()), Bold: b.Outcome == ProtocolOutcome.Awarded));
                return cells.ToArray();
            }).ToList();
            Table(columns, rows);

            if (_p.Criteria.Count > 0)
            {
                // The legend stays in one piece under the table unless it is longer than a page.
                var legend = _p.Criteria
                    .SelectMany(c => Wrap(_t.Criterion(c.Code, Local(c.Name), c.Weight.ToString("0.##", Points), Count(c.MaxPoints)), _label, ContentWidth - 10))
                    .ToList();
                _y += 4;
                Keep(Math.Min((legend.Count + 1) * _label.GetHeight(), Bottom - Top));
                G.DrawString(_t.CriteriaLegend, _label, _muted, Left, _y, XStringFormats.TopLeft);
                _y += _label.GetHeight();
                foreach (var line in legend)
                {
                    Keep(_label.GetHeight());
                    G.DrawString(line, _label, _muted, Left + 10, _y, XStringFormats.TopLeft);
                    _y += _label.GetHeight();
                }
            }
        }

        private void Winners()
        {
            Heading(_t.WinnersSection);
            var winners = Ranked().Where(b => b.Outcome == ProtocolOutcome.Awarded).ToList();
            if (winners.Count == 0)
            {
                Paragraph(_t.NoWinners, _body, _ink, Left, ContentWidth);
            }
            else
            {
                var rows = winners.Select(b => new Cell[]
                {
                    Count(b.Rank), b.ReceiptNumber, Local(b.OrganizationName), b.Bin, Amount(b.Requested), new(Amount(b.Awarded), Bold: true),
                }).ToList();
                rows.Add(["", "", new(_t.TotalAwarded, Bold: true), "", "", new(Amount(_p.TotalAwarded), Bold: true)]);
                Table([new(_t.Rank, Align.Right), new(_t.ReceiptNumber), new(_t.Organization, Flex: 1), new(_t.Bin), new(_t.Requested, Align.Right), new(_t.AwardedAmount, Align.Right)], rows);
            }

            _y += 4;
            if (winners.Count == 0)
            {
                Field(_t.TotalAwarded, Amount(_p.TotalAwarded), _bodyBold);
            }

            Field(_t.Budget, Amount(_p.Budget), _body);
            Field(_t.BudgetLeft, Amount(_p.Budget - _p.TotalAwarded), _body);
        }

        private void Reserve()
        {
            Heading(_t.ReserveSection);
            var reserve = Ranked().Where(b => b.Outcome == ProtocolOutcome.Reserve).ToList();
            if (reserve.Count == 0)
            {
                Paragraph(_t.NoReserve, _body, _ink, Left, ContentWidth);
                return;
            }

            var rows = reserve.Select(b => new Cell[] { Count(b.Rank), b.ReceiptNumber, Local(b.OrganizationName), b.Bin, Amount(b.Requested), Score(b.Total) }).ToList();
            Table([new(_t.Rank, Align.Right), new(_t.ReceiptNumber), new(_t.Organization, Flex: 1), new(_t.Bin), new(_t.Requested, Align.Right), new(_t.Total, Align.Right)], rows);
        }

        private void Justifications()
        {
            Heading(_t.JustificationSection);
            var changed = Ranked().Where(b => !string.IsNullOrWhiteSpace(b.AmountJustification)).ToList();
            if (changed.Count == 0)
            {
                Paragraph(_t.NoJustifications, _body, _ink, Left, ContentWidth);
                return;
            }

            var rows = changed.Select(b => new Cell[]
            {
                b.ReceiptNumber, Local(b.OrganizationName), Amount(b.Requested), new(Amount(b.Awarded), Bold: true), b.AmountJustification!,
            }).ToList();
            Table([new(_t.ReceiptNumber), new(_t.Organization, Flex: 2), new(_t.Requested, Align.Right), new(_t.AwardedAmount, Align.Right), new(_t.Justification, Flex: 3)], rows);
        }

        private void Dissents()
        {
            Heading(_t.DissentSection);
            if (_p.Dissents.Count == 0)
            {
                Paragraph(_t.NoDissents, _body, _ink, Left, ContentWidth);
                return;
            }

            foreach (var dissent in _p.Dissents)
            {
                Keep(_bodyBold.GetHeight() + 2 * _body.GetHeight());
                Paragraph(dissent.MemberName, _bodyBold, _ink, Left, ContentWidth);
                Paragraph(dissent.Text, _body, _ink, Left + 10, ContentWidth - 10);
                _y += 5;
            }
        }

        private void Signatures()
        {
            // The chair and the secretary sign in any case; other members (observers too) only if they were present.
            var voting = _p.Members;
            var signers = new List<(string Role, string Name)>();
            signers.AddRange(voting.Where(m => m.Role == ProtocolMemberRole.Chair).Select(m => (_t.ChairSigns, m.FullName)));
            signers.AddRange(voting.Where(m => m.Role == ProtocolMemberRole.Secretary).Select(m => (_t.SecretarySigns, m.FullName)));
            signers.AddRange(voting.Where(m => m.Role == ProtocolMemberRole.Member && m.Present).Select(m => (_t.MemberSigns, m.FullName)));
            var lineLeft = Left + LabelWidth + 10;
            var nameLeft = lineLeft + SignatureLine + 12;
            var rows = signers.Select(s => (s.Role, Name: Wrap(s.Name, _body, Right - nameLeft))).ToList();
            double Height(List<string> name) => Math.Max(1, name.Count) * _body.GetHeight() + _small.GetHeight() + 12;

            // Signatures stay on one page with their heading when they fit on one.
            Heading(_t.SignatureSection, Math.Min(rows.Sum(r => Height(r.Name)), Bottom - Top - 40));
            foreach (var (role, nameLines) in rows)
            {
                var height = Height(nameLines);
                Keep(height);
                var top = _y + 10;
                PdfText.DrawLines(G, Wrap(role, _body, LabelWidth), _body, _muted, Left, top);
                var baseline = top + _body.GetHeight();
                G.DrawLine(_ink05, lineLeft, baseline, lineLeft + SignatureLine, baseline);
                G.DrawString(_t.SignatureCaption, _small, _muted, new XRect(lineLeft, baseline + 1, SignatureLine, _small.GetHeight()), XStringFormats.TopCenter);
                PdfText.DrawLines(G, nameLines, _body, _ink, nameLeft, top);
                _y += height;
            }
        }

        /// <summary>The head of the tamper-evident audit chain at the moment of locking (ADR 19), under the signatures.</summary>
        private void AuditChainHead()
        {
            if (_p.AuditHead is not { } head)
            {
                return;
            }

            _y += 8;
            Field(_t.AuditHead, string.Create(CultureInfo.InvariantCulture, $"#{head.Sequence} {head.Hash}"), _small);
        }

        /// <summary>Every page: the protocol's number and page, the decision's SHA-256, and where to verify it.</summary>
        private void Footers()
        {
            var left = $"SocialOrder · {_t.DocumentTitle} № {_p.ProtocolNumber} · {_t.DecisionHash} {_p.DecisionSha256}";
            var verify = $"{_t.VerificationHint} {_p.VerificationUrl}";
            for (var i = 0; i < _pages.Count; i++)
            {
                var g = _pages[i];
                g.DrawLine(_rule, Left, FooterRule, Right, FooterRule);
                var page = _t.Page(i + 1, _pages.Count);
                var pageWidth = PdfText.Width(g, page, _small);
                var leftLines = PdfText.Wrap(g, left, _small, ContentWidth - pageWidth - 24);
                var y = FooterRule + 4;
                y += PdfText.DrawLines(g, leftLines, _small, _muted, Left, y);
                g.DrawString(page, _small, _muted, new XRect(Right - pageWidth, FooterRule + 4, pageWidth, _small.GetHeight()), XStringFormats.TopRight);
                PdfText.DrawLines(g, PdfText.Wrap(g, verify, _small, ContentWidth), _small, _accent, Left, y);
            }
        }

        private IEnumerable<ProtocolBid> Ranked() =>
            _p.Bids.OrderBy(b => b.Rank).ThenBy(b => b.ReceiptNumber, StringComparer.Ordinal);

        /// <summary>A numbered section heading, kept on one page with the first <paramref name="next"/> points of what follows.</summary>
        private void Heading(string text, double next = 80)
        {
            _section++;
            _y += 10;
            Keep(_heading.GetHeight() + 6 + next);
            var label = Count(_section) + ". " + text;
            _y += PdfText.DrawLines(G, Wrap(label, _heading, ContentWidth), _heading, _accent, Left, _y) + 2;
            G.DrawLine(_rule, Left, _y, Right, _y);
            _y += 4;
        }

        /// <summary>A label and its value side by side; the value wraps under itself.</summary>
        private void Field(string label, string value, XFont font)
        {
            var labels = Wrap(label, _label, LabelWidth);
            var values = Wrap(value, font, ContentWidth - LabelWidth - 10);
            var height = Math.Max(labels.Count * _label.GetHeight(), values.Count * font.GetHeight()) + 3;
            Keep(height);
            PdfText.DrawLines(G, labels, _label, _muted, Left, _y + 1);
            PdfText.DrawLines(G, values, font, _ink, Left + LabelWidth + 10, _y);
            _y += height;
        }

        /// <summary>Wrapped text that continues on the next page line by line.</summary>
        private void Paragraph(string text, XFont font, XBrush brush, double x, double width)
        {
            foreach (var line in Wrap(text, font, width))
            {
                Keep(font.GetHeight());
                G.DrawString(line, font, brush, x, _y, XStringFormats.TopLeft);
                _y += font.GetHeight();
            }
        }

        private void Centered(string text, XFont font, XBrush brush, double width)
        {
            foreach (var line in Wrap(text, font, width))
            {
                G.DrawString(line, font, brush, new XRect(Left + (ContentWidth - width) / 2, _y, width, font.GetHeight()), XStringFormats.TopCenter);
                _y += font.GetHeight();
            }
        }

        /// <summary>
        /// A table across the content width, after an optional caption. Content-sized columns take the width of their
        /// widest cell (up to their cap); flexible columns share the rest. Each row stays on one page unless it is taller
        /// than a page; a page break repeats the header row. The caption and the header stay with the first row.
        /// </summary>
        private void Table(IReadOnlyList<Column> columns, IReadOnlyList<Cell[]> rows, string? caption = null)
        {
            var widths = ColumnWidths(columns, rows);
            var lefts = new double[columns.Count + 1];
            lefts[0] = Left;
            for (var i = 0; i < columns.Count; i++)
            {
                lefts[i + 1] = lefts[i] + widths[i];
            }

            var headers = columns.Select((c, i) => Wrap(c.Header, _head, widths[i] - 2 * PadX)).ToList();
            var headerHeight = headers.Max(h => h.Count) * _head.GetHeight() + 2 * PadY;
            var lineHeight = _cell.GetHeight();
            var capacity = (int)Math.Floor((Bottom - Top - headerHeight - 2 * PadY) / lineHeight);

            void DrawHeader()
            {
                G.DrawRectangle(_headFill, lefts[0], _y, lefts[^1] - lefts[0], headerHeight);
                for (var i = 0; i < columns.Count; i++)
                {
                    DrawCell(headers[i], 0, headers[i].Count, _head, _ink, columns[i].Align, lefts[i], widths[i]);
                }

                Grid(lefts, headerHeight, top: true);
                _y += headerHeight;
            }

            var first = rows.Count == 0 ? 0 : rows[0].Select((c, i) => CellLines(c, widths[i]).Count).Max();
            var captionLines = caption is null ? [] : Wrap(caption, _bodyBold, ContentWidth);
            var captionHeight = captionLines.Count == 0 ? 0 : captionLines.Count * _bodyBold.GetHeight() + 3;
            Keep(captionHeight + headerHeight + (first <= capacity ? first : 3) * lineHeight + 2 * PadY);
            _y += PdfText.DrawLines(G, captionLines, _bodyBold, _ink, Left, _y) + (captionLines.Count == 0 ? 0 : 3);
            DrawHeader();
            for (var r = 0; r < rows.Count; r++)
            {
                var lines = rows[r].Select((c, i) => CellLines(c, widths[i])).ToList();
                var total = lines.Max(l => l.Count);
                var done = 0;
                if (total <= capacity && _y + total * lineHeight + 2 * PadY > Bottom)
                {
                    NewPage();
                    DrawHeader();
                }

                while (done < total)
                {
                    var room = (int)Math.Floor((Bottom - _y - 2 * PadY) / lineHeight);
                    if (room < 1)
                    {
                        NewPage();
                        DrawHeader();
                        continue;
                    }

                    var take = Math.Min(room, total - done);
                    var height = take * lineHeight + 2 * PadY;
                    if (r % 2 == 1)
                    {
                        G.DrawRectangle(_stripe, lefts[0], _y, lefts[^1] - lefts[0], height);
                    }

                    for (var i = 0; i < columns.Count; i++)
                    {
                        var font = rows[r][i].Bold ? _cellBold : _cell;
                        DrawCell(lines[i], done, take, font, _ink, columns[i].Align, lefts[i], widths[i]);
                    }

                    Grid(lefts, height, top: false);
                    _y += height;
                    done += take;
                }
            }
        }

        private List<string> CellLines(Cell cell, double width) =>
            cell.Text.Length == 0 ? [] : Wrap(cell.Text, cell.Bold ? _cellBold : _cell, width - 2 * PadX);

        private void DrawCell(List<string> lines, int from, int count, XFont font, XBrush brush, Align align, double left, double width)
        {
            var y = _y + PadY;
            for (var k = from; k < Math.Min(lines.Count, from + count); k++)
            {
                if (align == Align.Right)
                {
                    G.DrawString(lines[k], font, brush, new XRect(left + PadX, y, width - 2 * PadX, font.GetHeight()), XStringFormats.TopRight);
                }
                else
                {
                    G.DrawString(lines[k], font, brush, left + PadX, y, XStringFormats.TopLeft);
                }

                y += font.GetHeight();
            }
        }

        private void Grid(double[] lefts, double height, bool top)
        {
            if (top)
            {
                G.DrawLine(_grid, lefts[0], _y, lefts[^1], _y);
            }

            G.DrawLine(_grid, lefts[0], _y + height, lefts[^1], _y + height);
            foreach (var x in lefts)
            {
                G.DrawLine(_grid, x, _y, x, _y + height);
            }
        }

        private double[] ColumnWidths(IReadOnlyList<Column> columns, IReadOnlyList<Cell[]> rows)
        {
            var widths = new double[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                if (column.Flex > 0)
                {
                    continue;
                }

                var headerWord = column.Header.Split(' ').Max(w => Width(w, _head));
                var content = rows.Count == 0 ? 0 : rows.Max(r => Width(r[i].Text, r[i].Bold ? _cellBold : _cell));
                widths[i] = Math.Max(headerWord, Math.Min(column.Cap, content)) + 2 * PadX + 0.5;
            }

            var flex = columns.Sum(c => c.Flex);
            var minimum = columns.Count(c => c.Flex > 0) * MinFlexWidth;
            var fixedWidth = widths.Sum();
            if (fixedWidth > ContentWidth - minimum)
            {
                var scale = (ContentWidth - minimum) / fixedWidth;
                for (var i = 0; i < widths.Length; i++)
                {
                    widths[i] *= scale;
                }

                fixedWidth = widths.Sum();
            }

            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Flex > 0)
                {
                    widths[i] = (ContentWidth - fixedWidth) * columns[i].Flex / flex;
                }
            }

            return widths;
        }

        /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
        private void Keep(double height)
        {
            if (_y + height > Bottom)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            var page = _document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            _pages.Add(XGraphics.FromPdfPage(page));
            _y = Top;
        }

        private List<string> Wrap(string text, XFont font, double width) => PdfText.Wrap(G, text, font, width);

        private double Width(string text, XFont font) => PdfText.Width(G, text, font);
    }
}
