using SocialOrder.Application.Awards.ConfirmDecision;
using SocialOrder.Application.Awards.PrepareDecision;
using SocialOrder.Application.Awards.RecordAttendance;
using SocialOrder.Application.Bids.GetReceiptPdf;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Accounts.CreateStaffAccount;
using SocialOrder.Application.Awards;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;
using SocialOrder.Web.Infrastructure;
using UglyToad.PdfPig;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>/Verify without sign-in: an issued protocol or receipt uploaded, modified, pasted as a hash, reached by its QR link.</summary>
public sealed class VerifyPageTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static readonly ClaimsPrincipal Admin = PortalFactory.Principal(Guid.NewGuid(), "admin@socialorder.kz", Roles.Administrator);
    private static readonly ConcurrentDictionary<PortalFactory, Lazy<Task<Awarded>>> AwardedCalls = new();

    private sealed record Awarded(Guid CallId, string Reference, string ProtocolNumber, string DecisionSha256, byte[] ProtocolKk, byte[] ProtocolRu);

    private Task<Awarded> AwardedCallAsync() => AwardedCalls.GetOrAdd(app, a => new Lazy<Task<Awarded>>(() => AwardAsync(a))).Value;

    private static async Task<Awarded> AwardAsync(PortalFactory app)
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, bids: 2, experts: 6, sheetsPerBid: 3, CancellationToken.None);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var created = await app.SendAsync(new CreateStaffAccountCommand($"verify{i}-{Guid.NewGuid():N}@gov.kz", $"Член комиссии {i}", Roles.Official, seeded.OfficialStateBodyId, "ru"), Admin);
            Assert.True(created.IsSuccess, string.Join(",", created.Errors.Select(e => e.Code)));
            ids.Add(created.Value);
        }

        var chair = PortalFactory.Principal(ids[0], $"{ids[0]}@gov.kz", seeded.OfficialStateBodyId, Roles.Official);
        List<MemberInput> members = [new(ids[0], CommissionRole.Chair), new(ids[1], CommissionRole.Secretary), new(ids[2], CommissionRole.Member)];
        Assert.True((await app.SendAsync(new PrepareDecisionCommand(seeded.CallId, members, 2m / 3m), chair)).IsSuccess);
        Assert.True((await app.SendAsync(new RecordAttendanceCommand(seeded.CallId, [ids[0], ids[1]]), chair)).IsSuccess);
        // The protocol prints the latest sealed head at the lock: let the background sealer (ADR 30) seal what came before.
        for (var wait = 0; wait < 100; wait++)
        {
            await using var sealing = app.Services.CreateAsyncScope();
            if (await sealing.ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents.AnyAsync(e => e.Sequence != null))
            {
                break;
            }

            await Task.Delay(100);
        }

        var confirmed = await app.SendAsync(new ConfirmDecisionCommand(seeded.CallId), chair);
        Assert.True(confirmed.IsSuccess, string.Join(",", confirmed.Errors.Select(e => e.Code)));

        await using var scope = app.Services.CreateAsyncScope();
        var callId = new CallId(seeded.CallId);
        var decision = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AwardDecisions.AsNoTracking().SingleAsync(d => d.CallId == callId);
        var page = WebPage.Open(app);
        var kk = await page.Client.GetByteArrayAsync(new Uri($"/Calls/{seeded.CallId}/protocol/kk", UriKind.Relative));
        var ru = await page.Client.GetByteArrayAsync(new Uri($"/Calls/{seeded.CallId}/protocol/ru", UriKind.Relative));
        return new Awarded(seeded.CallId, seeded.Reference, decision.ProtocolNumber!, decision.DecisionSha256!, kk, ru);
    }

    private async Task<string> UploadAsync(byte[] pdf, string fileName = "protocol.pdf")
    {
        var page = WebPage.Open(app);
        var (status, form) = await page.GetAsync("/Verify");
        Assert.Equal(HttpStatusCode.OK, status);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebPage.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new ByteArrayContent(pdf), "Form.File", fileName },
        };
        using var response = await page.Client.PostAsync(new Uri("/Verify", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static bool SaysGenuine(string html) => html.Contains("alert alert-success", StringComparison.Ordinal) && html.Contains("data-testid=\"verified-document\"", StringComparison.Ordinal);

    private static bool SaysNotGenuine(string html) => html.Contains("Не выдан этим порталом", StringComparison.Ordinal) && !html.Contains("data-testid=\"verified-document\"", StringComparison.Ordinal);

    [Fact]
    public async Task GenuineProtocol_Uploaded_IsGenuine_WithItsCallNumberAndOriginal()
    {
        var awarded = await AwardedCallAsync();

        var html = await UploadAsync(awarded.ProtocolKk);

        Assert.True(SaysGenuine(html), html);
        Assert.Contains("Протокол итогов конкурса", html, StringComparison.Ordinal);
        Assert.Contains(awarded.ProtocolNumber, html, StringComparison.Ordinal);
        Assert.Contains(awarded.Reference, html, StringComparison.Ordinal);
        Assert.Contains("(kk)", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Calls/{awarded.CallId}/protocol/kk\"", html, StringComparison.Ordinal);
        Assert.Contains(Sha256(awarded.ProtocolKk), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protocol_WithOneByteChanged_IsNotGenuine()
    {
        var awarded = await AwardedCallAsync();
        var modified = (byte[])awarded.ProtocolRu.Clone();
        var at = modified.Length / 2;
        modified[at] = (byte)(modified[at] ^ 0x01);

        var html = await UploadAsync(modified);

        Assert.True(SaysNotGenuine(html), html);
        Assert.Contains(Sha256(modified), html, StringComparison.Ordinal);
        Assert.DoesNotContain(awarded.Reference, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipt_Uploaded_SaysOnlyGenuineReceiptForTheCallAndTime_NeverTheOrganizationOrNumber()
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, bids: 1, experts: 3, sheetsPerBid: 0, CancellationToken.None);
        BidSubmission submission;
        string organizationRu;
        Guid founder;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var bidId = new BidId(seeded.BidIds[0]);
            var bid = await db.Bids.AsNoTracking().SingleAsync(b => b.Id == bidId);
            var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == bid.OrganizationId);
            organizationRu = organization.Name.Ru;
            founder = organization.Members[0].UserId;
            submission = await db.BidSubmissions.AsNoTracking().SingleAsync(s => s.BidId == bidId);
        }

        var applicant = PortalFactory.Principal(founder, "founder@load.test", Roles.Applicant);
        var receipt = await app.SendAsync(new GetReceiptPdfQuery(submission.Id), applicant);
        Assert.NotNull(receipt);

        var html = await UploadAsync(receipt.Content, "receipt.pdf");

        Assert.True(SaysGenuine(html), html);
        var expected = $"Подлинная расписка о приёме заявки на конкурс {seeded.Reference}";
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains(Formatting.KzTime(submission.SubmittedAt), html, StringComparison.Ordinal);
        Assert.DoesNotContain(organizationRu, html, StringComparison.Ordinal);
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(organizationRu), html, StringComparison.Ordinal);
        Assert.DoesNotContain(submission.ReceiptNumber, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"original-link\"", html, StringComparison.Ordinal);

        // The receipt's QR code and printed link lead to the same verdict by the content hash it prints.
        using var pdf = PdfDocument.Open(receipt.Content);
        var text = string.Concat(pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("/Verify/" + submission.ContentSha256, text, StringComparison.Ordinal);
        var (status, byLink) = await WebPage.Open(app).GetAsync("/Verify/" + submission.ContentSha256);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(expected, byLink, StringComparison.Ordinal);
        Assert.DoesNotContain(organizationRu, byLink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProtocolQrLink_PointsToVerifyWithTheDecisionHash_AndShowsGenuine_AndPrintsTheAuditHead()
    {
        var awarded = await AwardedCallAsync();
        using var pdf = PdfDocument.Open(awarded.ProtocolRu);
        var text = string.Concat(pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));

        var link = Regex.Match(text, "https?://[^/]+(/Verify/[0-9a-f]{64})");
        Assert.True(link.Success, "The protocol prints no /Verify/ link.");
        Assert.Equal("/Verify/" + awarded.DecisionSha256, link.Groups[1].Value);
        Assert.Contains("Вершинацепочкиаудитанамоментфиксации:", text, StringComparison.Ordinal);
        Assert.Matches(new Regex("#\\d+[0-9a-f]{64}"), text);

        var (status, html) = await WebPage.Open(app).GetAsync(link.Groups[1].Value);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(SaysGenuine(html), html);
        Assert.Contains(awarded.Reference, html, StringComparison.Ordinal);
        Assert.Contains("Совпал хэш данных", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "data-testid=\"verified-document\""));
    }

    [Fact]
    public async Task PastedHash_OfTheFileOrInCapitals_IsGenuine_AnUnknownOneIsNot_AndAMalformedOneIsRefusedBesideTheField()
    {
        var awarded = await AwardedCallAsync();
        var page = WebPage.Open(app);

        using var byFile = await page.PostFormAsync("/Verify", "/Verify", new Dictionary<string, string> { ["Form.Sha256"] = " " + Sha256(awarded.ProtocolRu).ToUpperInvariant() + " " });
        var fileHtml = await byFile.Content.ReadAsStringAsync();
        using var unknown = await page.PostFormAsync("/Verify", "/Verify", new Dictionary<string, string> { ["Form.Sha256"] = new string('a', 64) });
        using var malformed = await page.PostFormAsync("/Verify", "/Verify", new Dictionary<string, string> { ["Form.Sha256"] = "not-a-hash" });
        var malformedHtml = await malformed.Content.ReadAsStringAsync();
        using var nothing = await page.PostFormAsync("/Verify", "/Verify", new Dictionary<string, string>());
        var (badLinkStatus, badLink) = await page.GetAsync("/Verify/xyz");

        Assert.True(SaysGenuine(fileHtml), fileHtml);
        Assert.Contains("(ru)", fileHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Совпал хэш данных", fileHtml, StringComparison.Ordinal);
        Assert.True(SaysNotGenuine(await unknown.Content.ReadAsStringAsync()));
        Assert.Matches(new Regex("id=\"Form_Sha256-error\"[^>]*>SHA-256 — это 64"), malformedHtml);
        Assert.Contains("aria-invalid=\"true\"", malformedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"verify-result\"", malformedHtml, StringComparison.Ordinal);
        Assert.Matches(new Regex("id=\"Form_File-error\"[^>]*>Выберите PDF-файл"), await nothing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, badLinkStatus);
        Assert.Contains("SHA-256 — это 64", badLink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyPage_InKazakh_SaysGenuineInKazakh()
    {
        var awarded = await AwardedCallAsync();
        var page = WebPage.Open(app);
        await page.ChooseLanguageAsync("kk");

        var (_, html) = await page.GetAsync("/Verify/" + Sha256(awarded.ProtocolKk));

        Assert.Contains("Түпнұсқа құжат", html, StringComparison.Ordinal);
        Assert.Contains("Конкурс қорытындысының хаттамасы", html, StringComparison.Ordinal);
    }
}
