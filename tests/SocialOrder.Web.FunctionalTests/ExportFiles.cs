using System.Net;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>Downloads a CSV or XLSX export and reads it back into rows of strings (the header row first).</summary>
public static class ExportFiles
{
    public static async Task<List<string[]>> DownloadAsync(WebPage page, string url)
    {
        using var response = await page.Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var type = response.Content.Headers.ContentType!.MediaType;
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.DispositionType, StringComparison.Ordinal);
        return type == "text/csv" ? ReadCsv(bytes) : ReadXlsx(bytes);
    }

    public static List<string[]> ReadCsv(byte[] bytes)
    {
        var rows = new List<string[]>();
        using var stream = new MemoryStream(bytes);
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = false }, false);
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i))]);
        }

        return rows;
    }

    public static List<string[]> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return [.. sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? string.Empty).ToArray())];
    }
}
