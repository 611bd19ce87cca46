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

    private sealed class AgreementLayout(PdfDocument document, AgreementDocument a, AgreementPdfText t)
        : PdfPageLayout(document, new PageFrame($"{t.Title} № {a.Number}", t.Hash, a.Sha256, $"{t.Verification} {a.VerificationUrl}", t.Page))
    {
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
    }
}
