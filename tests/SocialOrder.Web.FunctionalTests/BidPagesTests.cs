using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

public sealed class BidPagesTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static readonly byte[] MinimalPdf = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private Task<Guid> OpenCallAsync() => Scenarios.OpenCallAsync(app);

    [Fact]
    public async Task ApplyEditSubmit_InTheBrowserForms_EndsOnTheReceipt_AndAnotherMemberGets404()
    {
        var callId = await OpenCallAsync();
        var page = WebPage.Open(app);
        (await page.SignInAsync("applicant@socialorder.kz", DemoDataSeeder.DemoPassword)).Dispose();
        using (var org = await page.PostFormAsync("/Applicant/Organizations/Register", "/Applicant/Organizations/Register", new Dictionary<string, string>
        {
            ["Form.Bin"] = "940140000385", ["Form.NameKk"] = "Жастар дауысы", ["Form.NameRu"] = "Голос молодёжи", ["Form.LegalForm"] = "PublicAssociation",
            ["Form.RegionId"] = "19", ["Form.Address"] = "Алматы", ["Form.Phone"] = "+7 727 123 45 67", ["Form.Email"] = "ngo@example.kz", ["Form.HeadName"] = "Асанов",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, org.StatusCode);
        }

        var (_, applyHtml) = await page.GetAsync($"/Applicant/Bids/Apply?callId={callId}");
        var organizationId = Regex.Match(applyHtml, "<option value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        using var applied = await page.PostFormAsync($"/Applicant/Bids/Apply?callId={callId}", "/Applicant/Bids/Apply", new Dictionary<string, string> { ["callId"] = callId.ToString(), ["organizationId"] = organizationId });
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var editUrl = applied.Headers.Location!.OriginalString;

        using var saved = await page.PostFormAsync(editUrl, editUrl, new Dictionary<string, string>
        {
            ["Form.Revision"] = "1", ["Form.Title"] = "Жастар орталығы", ["Form.Summary"] = "Кратко", ["Form.Problem"] = "Проблема", ["Form.TargetGroup"] = "Молодёжь",
            ["Form.Objectives"] = "Цели", ["Form.ExpectedResults"] = "Результаты", ["Form.Sustainability"] = "Устойчивость", ["Form.Team"] = "Команда",
            ["Form.Activities.Index"] = "0", ["Form.Activities[0].Name"] = "Тренинги", ["Form.Activities[0].StartMonth"] = "1", ["Form.Activities[0].EndMonth"] = "6",
            ["Form.Indicators.Index"] = "0", ["Form.Indicators[0].Name"] = "Участники", ["Form.Indicators[0].Baseline"] = "0", ["Form.Indicators[0].Target"] = "200",
            ["Form.Budget.Index"] = "0", ["Form.Budget[0].Year"] = "1", ["Form.Budget[0].Category"] = "Staff", ["Form.Budget[0].Description"] = "Тренеры", ["Form.Budget[0].Amount"] = "1500000",
            ["Form.RequestedAmount"] = "1500000", ["Form.CoFinancing"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var uploadUrl = editUrl.Replace("/Edit/", "/Upload/", StringComparison.Ordinal);
        for (var i = 0; i < 2; i++)
        {
            var (_, form) = await page.GetAsync(editUrl);
            using var multipart = new MultipartFormDataContent
            {
                { new StringContent(WebPage.AntiforgeryToken(form)), "__RequestVerificationToken" },
                { new StringContent(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "documentIndex" },
                { new ByteArrayContent(MinimalPdf), "file", $"../документ {i}.pdf" },
            };
            using var uploaded = await page.Client.PostAsync(new Uri(uploadUrl, UriKind.Relative), multipart);
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var (_, editor) = await page.GetAsync(editUrl);
        Assert.Contains("data-testid=\"bid-ready\"", editor, StringComparison.Ordinal);
        var fileLink = Regex.Match(editor, "href=\"(/Applicant/Bids/File/[^\"]+)\"").Groups[1].Value;
        using var download = await page.Client.GetAsync(new Uri(WebUtility.HtmlDecode(fileLink), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(download.Headers.CacheControl?.NoStore, "A bid's file must carry Cache-Control: no-store.");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);

        var submitKey = Regex.Match(editor, "name=\"submitKey\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var submitUrl = editUrl.Replace("/Edit/", "/Submit/", StringComparison.Ordinal);
        using var submitted = await page.PostFormAsync(editUrl, submitUrl, new Dictionary<string, string> { ["submitKey"] = submitKey });
        using var again = await page.PostFormAsync(editUrl, submitUrl, new Dictionary<string, string> { ["submitKey"] = submitKey });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(submitted.Headers.Location, again.Headers.Location);
        var (_, receipt) = await page.GetAsync(submitted.Headers.Location!.OriginalString);
        Assert.Matches(new Regex("data-testid=\"receipt-number\">RCP-\\d{4}-\\d{4,}<"), receipt);
        Assert.Matches(new Regex("data-testid=\"content-hash\">[0-9a-f]{64}<"), receipt);
        var pdfLink = Regex.Match(receipt, "href=\"(/Applicant/Bids/ReceiptPdf/[^\"]+)\"").Groups[1].Value;
        using var pdf = await page.Client.GetAsync(new Uri(pdfLink, UriKind.Relative));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.True(pdf.Headers.CacheControl?.NoStore, "A receipt must carry Cache-Control: no-store.");
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]), StringComparison.Ordinal);

        var other = WebPage.Open(app);
        (await other.SignInAsync("official@socialorder.kz", DemoDataSeeder.DemoPassword)).Dispose();
        using var denied = await other.Client.GetAsync(new Uri(editUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
    }
}
