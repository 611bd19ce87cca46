using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace SocialOrder.Web.Infrastructure.Exports;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// A list as a CSV or XLSX download, written while its rows are read. CSV goes straight to the response. An XLSX is a
/// ZIP whose directory comes last, so its sheet is written row by row (OpenXmlWriter, no DOM) into a temporary file
/// that is then copied out and deleted: the rows never sit in memory together.
/// Cells are strings, numbers (decimal, int) or null; times are formatted by the caller as the pages show them.
/// </summary>
public sealed class TableFileResult(string fileName, ExportFormat format, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<object?>> rows)
    : IActionResult
{
    public static bool TryParse(string? text, out ExportFormat format)
    {
        format = text?.ToLowerInvariant() switch
        {
            null or "" or "csv" => ExportFormat.Csv,
            "xlsx" => ExportFormat.Xlsx,
            _ => (ExportFormat)(-1),
        };
        return Enum.IsDefined(format);
    }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var ct = context.HttpContext.RequestAborted;
        var extension = format == ExportFormat.Csv ? ".csv" : ".xlsx";
        response.ContentType = format == ExportFormat.Csv
            ? "text/csv; charset=utf-8"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName + extension);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store";
        if (format == ExportFormat.Csv)
        {
            await WriteCsvAsync(response.Body, ct);
        }
        else
        {
            await WriteXlsxAsync(response.Body, ct);
        }
    }

    private async Task WriteCsvAsync(Stream body, CancellationToken ct)
    {
        // A byte order mark, so that Excel opens the Cyrillic and Kazakh letters as UTF-8; text a spreadsheet would run
        // as a formula (=, +, -, @ first: an organization's name) is escaped with an apostrophe.
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture };
        await using var csv = CsvWriter.Create(body, options, leaveOpen: true);
        await csv.WriteRecordAsync([.. headers], ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            await csv.WriteRecordAsync([.. row.Select(CsvCell)], ct);
        }

        await csv.FlushAsync(ct);
    }

    private static string? CsvCell(object? cell) => cell switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };

    private async Task WriteXlsxAsync(Stream body, CancellationToken ct)
    {
        var path = Path.GetTempFileName();
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, headers);
                await foreach (var row in rows.WithCancellation(ct))
                {
                    WriteRow(writer, row);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = "Export", SheetId = 1, Id = workbook.GetIdOfPart(sheet) }));
            workbook.Workbook.Save();
        }

        file.Position = 0;
        await file.CopyToAsync(body, ct);
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<object?> cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            writer.WriteElement(cell switch
            {
                null => new Cell(),
                decimal d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) },
                int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i) },
                _ => new Cell(new InlineString(new Text(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty) { Space = SpaceProcessingModeValues.Preserve }))
                {
                    DataType = CellValues.InlineString,
                },
            });
        }

        writer.WriteEndElement();
    }
}
