using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Infrastructure.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace SocialOrder.Application.IntegrationTests.Pdf;

public sealed class ReceiptRendererTests
{
    private readonly PdfSharpReceiptRenderer _renderer = new(Options.Create(new PdfOptions()));

    internal static string Sha256Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    internal static ReceiptDocument Receipt(int files = 3) => new(
        "RCP-2026-000123",
        new DateTimeOffset(2026, 3, 15, 9, 30, 5, TimeSpan.Zero),
        "SSO-2026-0007",
        "Ауыл жастарының әлеуметтік белсенділігін арттыру",
        "Повышение социальной активности сельской молодёжи",
        "«Шаңырақ» өңірлік әлеуметтік-ғылыми қоғамдық ұйымы (Өскемен шаһары, Ұлы дала үйі)",
        "Общественный фонд «Шанырак»",
        "940140000385",
        "Школа волонтёров для сельской молодёжи Абайской области",
        2,
        1_250_000m,
        Sha256Of("bid content v2"),
        Enumerable.Range(1, files).Select(i => (
            i switch
            {
                2 => "Жоба бюджетінің толық негіздемесі және 2026-2027 жылдарға арналған күнтізбелік жоспар, барлық қосымшалармен бірге (түзетілген нұсқа).xlsx",
                3 => string.Concat(Enumerable.Repeat("Приложение_без_пробелов_", 6)) + ".docx",
                _ => $"Құжат-{i}.pdf",
            },
            (long)(i * 1_048_576 + 17),
            Sha256Of("file " + i))).ToList(),
        "https://socialorder.kz/receipts/RCP-2026-000123?h=" + Sha256Of("bid content v2")[..16]);

    [Fact]
    public void Render_ReadBackWithPdfPig_ShowsTheReceiptFactsAsWords()
    {
        var receipt = Receipt();

        using var pdf = PdfDocument.Open(_renderer.Render(receipt));

        var page = pdf.GetPage(1);
        var words = page.GetWords().Select(w => w.Text).ToList();
        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains("RCP-2026-000123", words);
        Assert.Contains("«Шаңырақ»", words);
        Assert.Contains("қоғамдық", words);
        Assert.Contains("шаһары,", words);
        foreach (var letter in "әғқңөұүһі")
        {
            Assert.Contains(words, w => w.Contains(letter, StringComparison.Ordinal));
        }

        var text = string.Join(' ', words);
        Assert.Contains("15.03.2026 14:30:05 (UTC+5)", text, StringComparison.Ordinal);
        Assert.Contains(receipt.ContentSha256, words);
        Assert.Contains("940140000385", words);

        // PdfPig splits words at the no-break spaces that keep the amount on one line.
        Assert.Contains(" 1 250 000 ₸ ", text, StringComparison.Ordinal);
        foreach (var (_, _, sha256) in receipt.Files)
        {
            Assert.Contains(sha256, words);
        }
    }

    [Fact]
    public void Render_SameReceiptTwice_GivesIdenticalBytes()
    {
        var first = _renderer.Render(Receipt());
        var second = new PdfSharpReceiptRenderer(Options.Create(new PdfOptions())).Render(Receipt());
        var other = _renderer.Render(Receipt() with { VersionNumber = 3 });

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Render_ManyAtOnce_GivesTheSameBytes()
    {
        var expected = _renderer.Render(Receipt());

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _renderer.Render(Receipt()))));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Render_CreationDate_IsTheTimeOfReceipt()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(Receipt()));

        Assert.StartsWith("D:20260315093005", pdf.Information.CreationDate, StringComparison.Ordinal);
        Assert.Contains("RCP-2026-000123", pdf.Information.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Fonts_AreEmbeddedSubsets()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(Receipt()));

        var descriptors = pdf.Structure.CrossReferenceTable.ObjectOffsets.Keys
            .Select(reference => pdf.Structure.GetObject(reference).Data)
            .OfType<DictionaryToken>()
            .Where(d => d.TryGet<NameToken>(NameToken.Type, out var type) && type.Equals(NameToken.FontDescriptor))
            .ToList();
        Assert.True(descriptors.Count >= 3, $"{descriptors.Count} font descriptors");
        Assert.All(descriptors, d =>
        {
            Assert.True(d.ContainsKey(NameToken.FontFile2), "font program embedded");
            Assert.True(d.TryGet<NameToken>(NameToken.FontName, out var name));
            Assert.Matches("^[A-Z]{6}\\+DejaVu Sans", name.Data);
        });
        Assert.All(pdf.GetPage(1).Letters, l => Assert.Contains("DejaVu Sans", l.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ManyFiles_ContinuesOnFurtherPagesWithTheFooterOnEach()
    {
        var receipt = Receipt(files: 45);

        using var pdf = PdfDocument.Open(_renderer.Render(receipt));

        Assert.True(pdf.NumberOfPages >= 2, $"{pdf.NumberOfPages} pages");
        var all = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        Assert.Contains("Құжат-45.pdf", all);
        Assert.Contains(all, w => w.StartsWith("Приложение_без_пробелов_", StringComparison.Ordinal));
        Assert.All(receipt.Files, f => Assert.Contains(f.Sha256, all));
        Assert.All(pdf.GetPages(), p =>
        {
            Assert.Contains("QR-коду", p.GetWords().Select(w => w.Text));
            Assert.Contains(pdf.NumberOfPages.ToString(System.Globalization.CultureInfo.InvariantCulture), p.GetWords().Select(w => w.Text));
        });
    }

    [Fact]
    public void Render_Letters_StayInsideTheMargins()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(Receipt(files: 45)));

        Assert.All(pdf.GetPages(), page => Assert.All(page.Letters, l =>
        {
            Assert.InRange(l.BoundingBox.Left, 30, page.Width - 30);
            Assert.InRange(l.BoundingBox.Right, 30, page.Width - 30);
            Assert.InRange(l.BoundingBox.Bottom, 30, page.Height - 30);
        }));
    }

    [Fact]
    public void AddInfrastructure_RegistersTheRendererAsASingleton()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        SocialOrder.Infrastructure.DependencyInjection.AddInfrastructure(services, new ConfigurationBuilder().Build(), _ => "Host=unused");
        using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<IReceiptRenderer>(), provider.GetRequiredService<IReceiptRenderer>());
    }
}
