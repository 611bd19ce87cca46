using System.Globalization;
using Microsoft.Playwright;

namespace SocialOrder.Web.BrowserTests;

/// <summary>Small values the scenario tests share: a valid PDF to upload and Kazakhstan local time as the forms take it.</summary>
public static class BrowserTestData
{
    public const string ApplicantEmail = "applicant@socialorder.kz";

    public const string OfficialEmail = "official@socialorder.kz";

    /// <summary>The smallest PDF the portal's content sniffing accepts (a catalogue, one page tree, one page).</summary>
    public static readonly byte[] MinimalPdf = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static readonly TimeSpan Kazakhstan = TimeSpan.FromHours(5);

    /// <summary>The value a <c>datetime-local</c> input in Kazakhstan time (UTC+5) takes: yyyy-MM-ddTHH:mm.</summary>
    public static string KzLocalInput(DateTimeOffset utc) =>
        utc.ToOffset(Kazakhstan).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>HH:mm in Kazakhstan time, as the autosave status shows it.</summary>
    public static string KzClock(DateTimeOffset utc) => utc.ToOffset(Kazakhstan).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static FilePayload Pdf(string name) => new() { Name = name, MimeType = "application/pdf", Buffer = MinimalPdf };
}
