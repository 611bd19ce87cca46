using System.Globalization;
using Microsoft.Extensions.Options;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Reports;

namespace SocialOrder.Infrastructure.Pdf;

/// <summary>
/// The receipt of a submitted report version with its content: A4, one language per document, QR code of the verification
/// address, the SHA-256 of the content in every footer. Built from the agreement's parts, so a version always renders to the
/// same bytes.
/// </summary>
public sealed class PdfSharpReportRenderer : IReportRenderer
{
    public PdfSharpReportRenderer(IOptions<PdfOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DejaVuFontResolver.Install(options.Value.FontDirectory);
    }

    public byte[] Render(ReportReceiptDocument report, ProtocolLanguage language)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = language == ProtocolLanguage.Kk ? ReportPdfText.Kk : ReportPdfText.Ru;
        using var document = new PdfDocument();
        document.Info.Title = $"{t.Title} № {report.ReceiptNumber}";
        document.Info.Subject = report.ProjectTitle;
        document.Info.Author = "SocialOrder";
        var identity = ReproduciblePdf.Fingerprint(["report", language.ToString(), report.Sha256, report.ReceiptNumber, report.VerificationUrl, report.SubmittedAtUtc.UtcTicks.ToString(CultureInfo.InvariantCulture)]);
        ReproduciblePdf.Stamp(document, report.SubmittedAtUtc, identity);
        using (var layout = new Layout(document, report, t))
        {
            layout.Compose();
        }

        return ReproduciblePdf.Save(document, identity);
    }

    private sealed class ReportPdfText
    {
        public static readonly ReportPdfText Kk = new()
        {
            Culture = "kk", Portal = "SocialOrder · Мемлекеттік әлеуметтік тапсырыс порталы", Title = "Есептің түбіртегі", Subtitle = "есептің қабылданғаны туралы",
            Scan = "Тексеру", SubmittedAt = "Жіберілген уақыты", Agreement = "Шарт", Call = "Конкурс", Organization = "Ұйым", Project = "Жоба",
            Report = "Есеп", Version = "Нұсқа", Hash = "Мазмұнның SHA-256 хэші", Activities = "Іс-шаралар", Indicators = "Көрсеткіштер", Finance = "Қаржылық есеп",
            Narrative = "Баяндау", Number = "№", Activity = "Іс-шара", State = "Жағдайы", Explanation = "Түсініктеме", Indicator = "Көрсеткіш", Target = "Мақсат",
            Actual = "Нақты", Evidence = "Дәлелдер", Line = "Бап", Planned = "Жоспар", Spent = "Кезеңде", Cumulative = "Жинақталған", Variance = "Ауытқу",
            None = "Жоқ", Verification = "Тексеру:", Page = (p, n) => $"Бет {p} / {n}",
            Kinds = new Dictionary<ReportKind, string> { [ReportKind.Interim] = "аралық", [ReportKind.Annual] = "жылдық", [ReportKind.Final] = "қорытынды" },
            Progress = new Dictionary<ActivityProgress, string> { [ActivityProgress.NotSet] = "—", [ActivityProgress.Done] = "орындалды", [ActivityProgress.Delayed] = "кешіктірілді", [ActivityProgress.Cancelled] = "тоқтатылды" },
        };

        public static readonly ReportPdfText Ru = new()
        {
            Culture = "ru", Portal = "SocialOrder · Портал государственного социального заказа", Title = "Квитанция отчёта", Subtitle = "о приёме отчёта",
            Scan = "Проверка", SubmittedAt = "Время отправки", Agreement = "Договор", Call = "Конкурс", Organization = "Организация", Project = "Проект",
            Report = "Отчёт", Version = "Версия", Hash = "SHA-256 содержимого", Activities = "Мероприятия", Indicators = "Показатели", Finance = "Финансовый отчёт",
            Narrative = "Описание", Number = "№", Activity = "Мероприятие", State = "Состояние", Explanation = "Пояснение", Indicator = "Показатель", Target = "Цель",
            Actual = "Факт", Evidence = "Подтверждения", Line = "Статья", Planned = "План", Spent = "За период", Cumulative = "Нарастающим", Variance = "Отклонение",
            None = "Нет", Verification = "Проверка:", Page = (p, n) => $"Стр. {p} / {n}",
            Kinds = new Dictionary<ReportKind, string> { [ReportKind.Interim] = "промежуточный", [ReportKind.Annual] = "годовой", [ReportKind.Final] = "итоговый" },
            Progress = new Dictionary<ActivityProgress, string> { [ActivityProgress.NotSet] = "—", [ActivityProgress.Done] = "выполнено", [ActivityProgress.Delayed] = "задержано", [ActivityProgress.Cancelled] = "отменено" },
        };

        public required string Culture { get; init; }
        public required string Portal { get; init; }
        public required string Title { get; init; }
        public required string Subtitle { get; init; }
        public required string Scan { get; init; }
        public required string SubmittedAt { get; init; }
        public required string Agreement { get; init; }
        public required string Call { get; init; }
        public required string Organization { get; init; }
        public required string Project { get; init; }
        public required string Report { get; init; }
        public required string Version { get; init; }
        public required string Hash { get; init; }
        public required string Activities { get; init; }
        public required string Indicators { get; init; }
        public required string Finance { get; init; }
        public required string Narrative { get; init; }
        public required string Number { get; init; }
        public required string Activity { get; init; }
        public required string State { get; init; }
        public required string Explanation { get; init; }
        public required string Indicator { get; init; }
        public required string Target { get; init; }
        public required string Actual { get; init; }
        public required string Evidence { get; init; }
        public required string Line { get; init; }
        public required string Planned { get; init; }
        public required string Spent { get; init; }
        public required string Cumulative { get; init; }
        public required string Variance { get; init; }
        public required string None { get; init; }
        public required string Verification { get; init; }
        public required Func<int, int, string> Page { get; init; }
        public required Dictionary<ReportKind, string> Kinds { get; init; }
        public required Dictionary<ActivityProgress, string> Progress { get; init; }
    }

    private sealed class Layout(PdfDocument document, ReportReceiptDocument r, ReportPdfText t)
        : PdfPageLayout(document, new PageFrame($"{t.Title} № {r.ReceiptNumber}", t.Hash, r.Sha256, $"{t.Verification} {r.VerificationUrl}", t.Page))
    {
        public void Compose()
        {
            NewPage();
            Header();
            Row(t.SubmittedAt, (PdfText.KazakhstanStamp(r.SubmittedAtUtc, "dd.MM.yyyy HH:mm:ss"), _valueBold));
            Row(t.Agreement, (r.AgreementNumber, _valueBold), ($"{t.Call}: {r.CallReference}", _value));
            Row(t.Organization, (r.OrganizationName.For(t.Culture), _value), ($"БСН / БИН: {r.OrganizationBin}", _value));
            Row(t.Project, (r.ProjectTitle, _value));
            Row(t.Report, ($"№ {N(r.ReportNumber)} ({t.Kinds[r.Kind]}), {D(r.DueOn)} · {t.Version} {N(r.Version)}", _value));
            Row(t.Hash, (r.Sha256, _mono));
            var c = r.Content;
            Section(t.Activities, [(t.Number, 24), (t.Activity, 0), (t.State, 80), (t.Explanation, 170)],
                c.Activities.Select((a, i) => new[] { N(i + 1), a.Name, t.Progress[a.Progress], a.Explanation }).ToList());
            Section(t.Indicators, [(t.Number, 24), (t.Indicator, 0), (t.Target, 70), (t.Actual, 60), (t.Explanation, 110), (t.Evidence, 90)],
                c.Indicators.Select((x, i) => new[] { N(i + 1), x.Name, x.Target, x.Actual?.ToString("0.####", CultureInfo.InvariantCulture) ?? "—", x.Comment, string.Join(", ", x.Evidence.Select(e => e.FileName)) }).ToList());
            Section(t.Finance, [(t.Number, 20), (t.Line, 0), (t.Planned, 66), (t.Spent, 66), (t.Cumulative, 66), (t.Variance, 60), (t.Explanation, 90)],
                c.Budget.Select((b, i) => new[] { N(i + 1), $"{N(b.Year)} · {b.Description}", M(b.PlannedToDate), M(b.Spent ?? 0m), M(b.Cumulative), M(b.Variance), b.Explanation }).ToList());
            Section(t.Narrative, [(string.Empty, 0)], [[c.Narrative]]);
            Footers();
        }

        private static string M(decimal m) => Money.Kzt(m).ToString();

        private void Header()
        {
            var width = ContentWidth - QrSize - 18;
            _y += Text(t.Portal, _portal, _muted, Left, _y, width) + 10;
            _y += Text(t.Title, _title, _accent, Left, _y, width);
            _y += Text(t.Subtitle, _subtitle, _muted, Left, _y, width) + 4;
            _y += Text("№ " + r.ReceiptNumber, _heading, _ink, Left, _y, width);
            using (var qr = XImage.FromStream(new MemoryStream(QrCodePng.Render(r.VerificationUrl, pixelsPerModule: 6))))
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

        private void Section(string heading, IReadOnlyList<(string Header, double Width)> columns, List<string[]> rows)
        {
            var flex = ContentWidth - columns.Sum(c => c.Width);
            var widths = columns.Select(c => c.Width > 0 ? c.Width : flex).ToList();
            var withHeader = columns.Any(c => c.Header.Length > 0);
            if (_y + 60 > Bottom)
            {
                NewPage();
            }

            _y += 12;
            _y += Text(heading, _heading, _ink, Left, _y, ContentWidth) + 4;
            if (withHeader)
            {
                TableHeader(columns, widths);
            }

            if (rows.Count == 0)
            {
                _y += Text(t.None, _cell, _muted, Left + Pad, _y + Pad, ContentWidth) + 2 * Pad;
                return;
            }

            foreach (var row in rows)
            {
                var cells = row.Select((c, i) => Wrap(c, _cell, widths[i] - 2 * Pad)).ToList();
                var lineHeight = _cell.GetHeight();
                var remaining = cells.Max(c => c.Count);
                var offset = 0;

                // A long cell (the narrative) continues on the next page, line by line.
                while (remaining > 0)
                {
                    var fit = Math.Max(1, (int)((Bottom - _y - 2 * Pad) / lineHeight));
                    if (fit < 2 && remaining > 1)
                    {
                        NewPage();
                        if (withHeader)
                        {
                            TableHeader(columns, widths);
                        }

                        continue;
                    }

                    var take = Math.Min(fit, remaining);
                    var x = Left;
                    for (var i = 0; i < cells.Count; i++)
                    {
                        Lines([.. cells[i].Skip(offset).Take(take)], _cell, _ink, x + Pad, _y + Pad);
                        x += widths[i];
                    }

                    _y += take * lineHeight + 2 * Pad;
                    offset += take;
                    remaining -= take;
                    if (remaining > 0)
                    {
                        NewPage();
                        if (withHeader)
                        {
                            TableHeader(columns, widths);
                        }
                    }
                }

                G.DrawLine(_rule, Left, _y, Right, _y);
            }
        }
    }
}
