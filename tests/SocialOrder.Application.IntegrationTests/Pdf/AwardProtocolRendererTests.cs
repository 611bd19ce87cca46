using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Infrastructure.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace SocialOrder.Application.IntegrationTests.Pdf;

public sealed class AwardProtocolRendererTests
{
    private const string Hash = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a0c2e4b6d8f0a1c3e5b7d9f";

    private static readonly LocalizedText[] Names =
    [
        new("«Шаңырақ» қоғамдық қоры", "Общественный фонд «Шанырак»"),
        new("«Өркен» жастар бірлестігі", "Молодёжное объединение «Оркен»"),
        new(
            "«Ұлы дала әйелдері» әлеуметтік-ғылыми қоғамдық ұйымы (Өскемен шаһары, Шығыс Қазақстан облысы, аймақтық бөлімше)",
            "Региональное общественное объединение «Женщины Великой степи» (город Усть-Каменогорск, Восточно-Казахстанская область, региональное отделение)"),
        new("«Үміт» мүмкіндігі шектеулі балаларды қолдау орталығы", "Центр поддержки детей с инвалидностью «Умит»"),
        new("«Жасыл әлем» экологиялық қозғалысы", "Экологическое движение «Зелёный мир»"),
    ];

    private readonly PdfSharpAwardProtocolRenderer _renderer = new(Options.Create(new PdfOptions()));

    private static readonly ProtocolLanguage[] Languages = [ProtocolLanguage.Kk, ProtocolLanguage.Ru];

    public static TheoryData<ProtocolLanguage> BothLanguages => new(Languages);

    private static string Receipt(int rank) => string.Create(CultureInfo.InvariantCulture, $"RCP-2026-{rank:000000}");

    /// <summary>Ranks 1–3 win (rank 2 with a reduced amount), 4–5 are the reserve, the rest are not awarded.</summary>
    internal static AwardProtocolDocument Protocol(int bids = 8)
    {
        var criteria = new ProtocolCriterion[]
        {
            new("REL", new("Өзектілік", "Актуальность"), 25m, 10),
            new("PLAN", new("Жоспардың орындалуы", "Реалистичность плана"), 20m, 10),
            new("BUDG", new("Бюджеттің негізділігі", "Обоснованность бюджета"), 20m, 10),
            new("CAP", new("Ұйымның әлеуеті", "Потенциал организации"), 15m, 10),
            new("SUST", new("Тұрақтылық", "Устойчивость"), 10m, 10),
            new("IND", new("Нәтижелер мен индикаторлар", "Результаты и индикаторы"), 10m, 10),
        };
        var list = Enumerable.Range(1, bids).Select(rank =>
        {
            var outcome = rank <= 3 ? ProtocolOutcome.Awarded : rank <= 5 ? ProtocolOutcome.Reserve : ProtocolOutcome.NotAwarded;
            var requested = 1_250_000m + (rank - 1) * 250_000m;
            var awarded = outcome != ProtocolOutcome.Awarded ? 0m : rank == 2 ? 1_300_000m : requested;
            var means = criteria.Select((_, i) => Math.Round(9.8m - rank * 0.03m - i * 0.1m, 2)).ToList();
            IReadOnlyList<string> flags = rank % 7 == 0 ? ["Divergent", "Reconciled"] : rank > bids - 2 ? ["BelowOverallMinimum"] : [];
            return new ProtocolBid(
                rank, Receipt(rank), Names[(rank - 1) % Names.Length], (940140000385L + rank * 1000).ToString(CultureInfo.InvariantCulture),
                requested, means, Math.Round(98m - rank * 0.3m, 2), flags, outcome, awarded,
                rank == 2 ? "Расходы на аренду помещения уменьшены: помещение предоставляет акимат безвозмездно." : null);
        }).ToList();
        return new AwardProtocolDocument(
            "AP-2026-0042",
            new DateTimeOffset(2026, 4, 20, 20, 15, 0, TimeSpan.Zero),
            new("Шығыс Қазақстан облысының ішкі саясат басқармасы", "Управление внутренней политики Восточно-Казахстанской области"),
            "SSO-2026-0007",
            new("Ауыл жастарының әлеуметтік белсенділігін арттыру", "Повышение социальной активности сельской молодёжи"),
            10_000_000m,
            [
                new("Сәрсенбаев Ғалымжан Нұрланұлы", ProtocolMemberRole.Chair, false, true),
                new("Иванова Мария Петровна", ProtocolMemberRole.Secretary, false, true),
                new("Өтепова Әйгерім Құрманқызы", ProtocolMemberRole.Member, false, true),
                new("Ким Сергей Алексеевич", ProtocolMemberRole.Member, false, false),
                new("Жұмабаев Нұрсұлтан Үсенұлы", ProtocolMemberRole.Member, false, true),
                new("Ахметова Дана Серікқызы", ProtocolMemberRole.Member, true, true),
            ],
            2m / 3m,
            bids + 4, 1,
            [
                new("RCP-2026-900001", new("«Ақ бота» қоры", "Фонд «Ак бота»"), "120340012345", "Жарғының көшірмесі ұсынылмаған. Устав не приложен."),
                new("RCP-2026-900002", Names[2], "110540098765", string.Join(' ', Enumerable.Repeat("Бюджет жобасы конкурс шарттарында белгіленген ең жоғары сомадан асады.", 4))),
                new("RCP-2026-900003", new("«Нұр» бірлестігі", "Объединение «Нур»"), "100440011111", "Подана после окончания срока приёма заявок."),
            ],
            bids,
            criteria,
            list,
            list.Sum(b => b.Awarded),
            [new("Ким Сергей Алексеевич", "Считаю, что заявке RCP-2026-000004 следовало присудить финансирование вместо резерва.")],
            Hash,
            "https://socialorder.kz/protocols/AP-2026-0042?h=" + Hash[..16],
            Instrument.StateSocialOrder);
    }

    private static List<string> Words(PdfDocument pdf) => [.. pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)];

    private static string Text(Page page) => string.Join(' ', page.GetWords().Select(w => w.Text));

    [Theory]
    [MemberData(nameof(BothLanguages))]
    public void Render_ReadBackWithPdfPig_ShowsWinnersAmountsTotalAndHash(ProtocolLanguage language)
    {
        var protocol = Protocol();
        var culture = language == ProtocolLanguage.Kk ? "kk" : "ru";

        using var pdf = PdfDocument.Open(_renderer.Render(protocol, language));

        var words = Words(pdf);
        var text = string.Join(' ', words);
        foreach (var winner in protocol.Bids.Where(b => b.Outcome == ProtocolOutcome.Awarded))
        {
            Assert.Contains(winner.ReceiptNumber, words);
            Assert.All(winner.OrganizationName.For(culture).Split(' '), w => Assert.Contains(w, words));
        }

        // PdfPig splits words at the no-break spaces that keep an amount on one line.
        Assert.Contains(" 1 250 000 ₸ ", text, StringComparison.Ordinal);
        Assert.Contains(" 1 300 000 ₸ ", text, StringComparison.Ordinal);
        Assert.Contains(" 1 750 000 ₸ ", text, StringComparison.Ordinal);
        Assert.Equal(4_300_000m, protocol.TotalAwarded);
        Assert.Contains(" 4 300 000 ₸ ", text, StringComparison.Ordinal);
        Assert.Contains(Hash, words);
        Assert.Contains(protocol.VerificationUrl, text, StringComparison.Ordinal);
        Assert.Contains("RCP-2026-900002", words);
        // 20:15 UTC on 20 April is 01:15 on 21 April in Kazakhstan (UTC+5).
        Assert.Contains("21.04.2026 01:15 (UTC+5)", text, StringComparison.Ordinal);
        Assert.Contains(language == ProtocolLanguage.Kk ? "21.04.2026 ж. № AP-2026-0042 хаттама" : "Протокол № AP-2026-0042 от 21.04.2026", text, StringComparison.Ordinal);
        Assert.Contains(language == ProtocolLanguage.Kk ? "Кворум бар." : "Кворум имеется.", text, StringComparison.Ordinal);
        Assert.Contains(language == ProtocolLanguage.Kk ? "Бағалар" : "Расхождение", words);
        Assert.Contains(language == ProtocolLanguage.Kk ? "Келісілген" : "Согласовано", words);
    }

    [Theory]
    [InlineData(ProtocolLanguage.Ru, "по подведению итогов конкурса на предоставление государственных грантов", "конкурса государственного социального заказа")]
    [InlineData(ProtocolLanguage.Kk, "Мемлекеттік гранттар беру конкурсының қорытындысын", "әлеуметтік тапсырыс конкурсының")]
    public void Render_StateGrantCall_CallsItselfAStateGrantProtocol(ProtocolLanguage language, string grant, string socialOrder)
    {
        using var grantPdf = PdfDocument.Open(_renderer.Render(Protocol() with { Instrument = Instrument.StateGrant }, language));
        using var orderPdf = PdfDocument.Open(_renderer.Render(Protocol(), language));

        var grantText = string.Join(' ', Words(grantPdf));
        var orderText = string.Join(' ', Words(orderPdf));
        Assert.Contains(grant, grantText, StringComparison.Ordinal);
        Assert.DoesNotContain(socialOrder, grantText, StringComparison.Ordinal);
        Assert.Contains(socialOrder, orderText, StringComparison.Ordinal);
        Assert.DoesNotContain(grant, orderText, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BothLanguages))]
    public void Render_TheQrCodeIsOnTheFirstPageAndEveryPageCarriesTheHashAndLink_NeverAPageOfItsOwn(ProtocolLanguage language)
    {
        foreach (var bids in new[] { 2, 40 })
        {
            var bytes = _renderer.Render(Protocol(bids) with { Instrument = Instrument.StateGrant }, language);
            // Kept for a human to look at (pdftoppm -png): TestResults/protocols/ beside the test assembly.
            var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "protocols");
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"protocol-{bids}-bids-{language}.pdf")), bytes);
            using var pdf = PdfDocument.Open(bytes);
            var pages = pdf.GetPages().ToList();

            var first = pages[0];
            var qr = Assert.Single(first.GetImages());
            Assert.True(qr.BoundingBox.Top > first.Height * 0.75, $"The QR code is at {qr.BoundingBox.Top:0} of {first.Height:0}: not in the header.");
            Assert.All(pages.Skip(1), p => Assert.Empty(p.GetImages()));
            foreach (var page in pages)
            {
                var words = page.GetWords().Select(w => w.Text).ToList();
                Assert.Contains(Hash, words);
                Assert.Contains(Protocol(bids).VerificationUrl, Text(page), StringComparison.Ordinal);
            }

            // The last page holds the signatures, not a verification block alone.
            var signature = language == ProtocolLanguage.Kk ? "(қолы)" : "(подпись)";
            Assert.Contains(signature, pages[^1].GetWords().Select(w => w.Text));
        }
    }

    [Fact]
    public void Render_InKazakh_KeepsKazakhLettersAsText()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(Protocol(), ProtocolLanguage.Kk));

        var words = Words(pdf);
        foreach (var letter in "әғқңөұүһі")
        {
            Assert.Contains(words, w => w.Contains(letter, StringComparison.Ordinal));
        }

        Assert.Contains("хаттама", words);
        Assert.Contains("Жиынтық", words);
        Assert.Contains("шаһары,", words);
        Assert.DoesNotContain("Протокол", words);
    }

    [Theory]
    [MemberData(nameof(BothLanguages))]
    public void Render_EveryPage_SaysPageXOfYAndTheProtocolNumber(ProtocolLanguage language)
    {
        using var pdf = PdfDocument.Open(_renderer.Render(Protocol(bids: 200), language));

        var pages = pdf.NumberOfPages;
        Assert.True(pages >= 5, $"{pages} pages");
        foreach (var page in pdf.GetPages())
        {
            var text = Text(page);
            var expected = language == ProtocolLanguage.Kk
                ? string.Create(CultureInfo.InvariantCulture, $"{page.Number} / {pages} бет")
                : string.Create(CultureInfo.InvariantCulture, $"Страница {page.Number} из {pages}");
            Assert.Contains(expected, text, StringComparison.Ordinal);
            Assert.Contains("AP-2026-0042", page.GetWords().Select(w => w.Text));
        }
    }

    [Theory]
    [MemberData(nameof(BothLanguages))]
    public void Render_TwoHundredBids_RepeatsTheHeaderRowOnEveryPageOfTheRanking(ProtocolLanguage language)
    {
        var protocol = Protocol(bids: 200);
        var header = language == ProtocolLanguage.Kk ? "Белгілер" : "Отметки";

        using var pdf = PdfDocument.Open(_renderer.Render(protocol, language));

        // The ranking lists every bid; its first row is rank 1 and its last rank 200, which appears nowhere else.
        var pages = pdf.GetPages().ToList();
        var first = pages.First(p => p.GetWords().Any(w => w.Text == Receipt(1))).Number;
        var last = pages.Single(p => p.GetWords().Any(w => w.Text == Receipt(200))).Number;
        Assert.True(last - first >= 3, $"ranking on pages {first}–{last}");
        for (var n = first; n <= last; n++)
        {
            var words = pages[n - 1].GetWords().ToList();
            var heads = words.Where(w => w.Text == header).ToList();
            Assert.True(heads.Count == 1, $"page {n}: {heads.Count} header rows");
            var rows = words.Where(w => w.Text.StartsWith("RCP-2026-0", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.True(r.BoundingBox.Top < heads[0].BoundingBox.Bottom, $"page {n}: {r.Text} above the header"));
        }

        var ranks = pages.Skip(first - 1).Take(last - first + 1)
            .SelectMany(p => p.GetWords()).Select(w => w.Text)
            .Where(t => t.StartsWith("RCP-2026-0", StringComparison.Ordinal)).Distinct().Count();
        Assert.Equal(200, ranks);
    }

    [Fact]
    public void Render_SameDocumentTwice_GivesIdenticalBytes_AndAnyChangeOtherBytes()
    {
        var protocol = Protocol(bids: 40);

        var first = _renderer.Render(protocol, ProtocolLanguage.Ru);
        var second = new PdfSharpAwardProtocolRenderer(Options.Create(new PdfOptions())).Render(Protocol(bids: 40), ProtocolLanguage.Ru);
        var bids = protocol.Bids.ToList();
        bids[0] = bids[0] with { Awarded = bids[0].Awarded - 1 };
        var changed = _renderer.Render(protocol with { Bids = bids }, ProtocolLanguage.Ru);
        var kazakh = _renderer.Render(protocol, ProtocolLanguage.Kk);

        Assert.Equal(first, second);
        Assert.NotEqual(first, changed);
        Assert.NotEqual(first, kazakh);
        Assert.Equal(kazakh, _renderer.Render(protocol, ProtocolLanguage.Kk));
    }

    [Fact]
    public async Task Render_ManyAtOnce_GivesTheSameBytes()
    {
        var protocol = Protocol(bids: 30);
        var expected = _renderer.Render(protocol, ProtocolLanguage.Kk);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => _renderer.Render(protocol, ProtocolLanguage.Kk))));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Theory]
    [MemberData(nameof(BothLanguages))]
    public void Render_Words_StayInsideThePage(ProtocolLanguage language)
    {
        using var pdf = PdfDocument.Open(_renderer.Render(Protocol(bids: 200), language));

        const double margin = 24;
        Assert.All(pdf.GetPages(), page =>
        {
            Assert.True(page.Width > page.Height, "landscape");
            Assert.All(page.GetWords(), w =>
            {
                Assert.InRange(w.BoundingBox.Left, margin, page.Width - margin);
                Assert.InRange(w.BoundingBox.Right, margin, page.Width - margin);
                Assert.InRange(w.BoundingBox.Bottom, margin, page.Height - margin);
                Assert.InRange(w.BoundingBox.Top, margin, page.Height - margin);
            });
        });
    }

    [Fact]
    public void Render_OversizedCells_WrapAndBreakAcrossPagesInsideThePage()
    {
        var protocol = Protocol();
        var longWord = string.Concat(Enumerable.Repeat("Ұзынатаусызсөз", 25));
        var longReason = string.Join(' ', Enumerable.Repeat("Өтінім конкурстық құжаттаманың талаптарына сәйкес келмейді, себебі қосымшалар толық емес.", 120));
        var protocolWithLongText = protocol with
        {
            Ineligible = [new("RCP-2026-900009", new(longWord, longWord), "120340012345", longReason)],
            Dissents = [new("Ким Сергей Алексеевич", longReason)],
        };

        using var pdf = PdfDocument.Open(_renderer.Render(protocolWithLongText, ProtocolLanguage.Kk));

        Assert.All(pdf.GetPages(), page =>
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{page.Number} / {pdf.NumberOfPages} бет"), Text(page), StringComparison.Ordinal);
            Assert.All(page.GetWords(), w =>
            {
                Assert.InRange(w.BoundingBox.Left, 24, page.Width - 24);
                Assert.InRange(w.BoundingBox.Right, 24, page.Width - 24);
                Assert.InRange(w.BoundingBox.Bottom, 24, page.Height - 24);
            });
        });
        var words = Words(pdf);
        Assert.Equal(240, words.Count(w => w == "толық"));
        var pieces = words.Where(w => w.Length > 3 && longWord.Contains(w, StringComparison.Ordinal)).ToList();
        Assert.True(pieces.Count > 1, "the long word is broken inside its cell");
        Assert.Equal(longWord, string.Concat(pieces));
    }

    [Fact]
    public void Render_EmptyDecision_StillRendersEverySection()
    {
        var empty = Protocol() with
        {
            Members = [], Ineligible = [], Criteria = [], Bids = [], Dissents = [], BidsReceived = 0, BidsWithdrawn = 0, BidsEvaluated = 0, TotalAwarded = 0,
        };

        using var pdf = PdfDocument.Open(_renderer.Render(empty, ProtocolLanguage.Ru));

        var text = string.Join(' ', Words(pdf));
        Assert.Contains("Оценённых заявок нет.", text, StringComparison.Ordinal);
        Assert.Contains("Победители не определены.", text, StringComparison.Ordinal);
        Assert.Contains("Резервный список не сформирован.", text, StringComparison.Ordinal);
        Assert.Contains("Особых мнений не заявлено.", text, StringComparison.Ordinal);
        Assert.Contains("Кворум отсутствует.", text, StringComparison.Ordinal);
        Assert.Contains(Hash, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithoutQuorum_SaysSo()
    {
        var protocol = Protocol();
        var members = protocol.Members.Select(m => m.Role == ProtocolMemberRole.Member ? m with { Present = false } : m).ToList();

        using var pdf = PdfDocument.Open(_renderer.Render(protocol with { Members = members }, ProtocolLanguage.Ru));

        var text = string.Join(' ', Words(pdf));
        Assert.Contains("присутствуют 2 из 6 членов комиссии", text, StringComparison.Ordinal);
        Assert.Contains("необходимо не менее 4", text, StringComparison.Ordinal);
        Assert.Contains("Кворум отсутствует.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Signatures_ForChairSecretaryAndPresentMembersOnly()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(Protocol(), ProtocolLanguage.Ru));

        var words = Words(pdf);
        Assert.Equal(5, words.Count(w => w == "(подпись)"));
        var text = string.Join(' ', words);
        Assert.Contains("Председатель комиссии Сәрсенбаев Ғалымжан Нұрланұлы", text, StringComparison.Ordinal);
        Assert.Contains("Секретарь комиссии Иванова Мария Петровна", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CreationDate_IsTheDecisionTime()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(Protocol(), ProtocolLanguage.Ru));

        Assert.StartsWith("D:20260420201500", pdf.Information.CreationDate, StringComparison.Ordinal);
        Assert.Equal("Протокол № AP-2026-0042", pdf.Information.Title);
    }

    [Fact]
    public void AddInfrastructure_RegistersTheProtocolRendererAsASingleton()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        SocialOrder.Infrastructure.DependencyInjection.AddInfrastructure(services, new ConfigurationBuilder().Build(), _ => "Host=unused");
        using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<IAwardProtocolRenderer>(), provider.GetRequiredService<IAwardProtocolRenderer>());
    }
}
