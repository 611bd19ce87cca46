using SocialOrder.Application.Common.Files;
using UglyToad.PdfPig;

namespace SocialOrder.Application.IntegrationTests.Files;

public sealed class FileInspectionTests
{
    private static readonly IReadOnlyCollection<string> Allowed = FileInspection.DefaultAllowedExtensions.ToList();

    public static TheoryData<string, DetectedFileType> RealFiles => new()
    {
        { "pdf", DetectedFileType.Pdf },
        { "png", DetectedFileType.Png },
        { "jpeg", DetectedFileType.Jpeg },
        { "docx", DetectedFileType.Docx },
        { "xlsx", DetectedFileType.Xlsx },
        { "odt", DetectedFileType.Odt },
        { "ods", DetectedFileType.Ods },
        { "doc", DetectedFileType.Doc },
        { "xls", DetectedFileType.Xls },
        { "xls-biff5", DetectedFileType.Xls },
        { "exe", DetectedFileType.Executable },
        { "elf", DetectedFileType.Executable },
        { "html", DetectedFileType.HtmlOrScript },
        { "html-bom", DetectedFileType.HtmlOrScript },
        { "script", DetectedFileType.HtmlOrScript },
        { "html-comment-first", DetectedFileType.HtmlOrScript },
        { "svg", DetectedFileType.HtmlOrScript },
        { "shell", DetectedFileType.HtmlOrScript },
        { "plain-zip", DetectedFileType.Unknown },
        { "docm-as-docx", DetectedFileType.Unknown },
        { "msi-like-ole2", DetectedFileType.Unknown },
        { "odp", DetectedFileType.Unknown },
        { "text", DetectedFileType.Unknown },
        { "empty", DetectedFileType.Unknown },
        { "truncated-zip", DetectedFileType.Unknown },
    };

    private static byte[] Sample(string kind) => kind switch
    {
        "pdf" => FileSamples.Pdf(),
        "png" => FileSamples.Png(),
        "jpeg" => FileSamples.Jpeg(),
        "docx" => FileSamples.Docx(),
        "xlsx" => FileSamples.Xlsx(),
        "odt" => FileSamples.OpenDocument("application/vnd.oasis.opendocument.text"),
        "ods" => FileSamples.OpenDocument("application/vnd.oasis.opendocument.spreadsheet"),
        "odp" => FileSamples.OpenDocument("application/vnd.oasis.opendocument.presentation"),
        "doc" => FileSamples.CompoundFile("\u0001CompObj", "WordDocument", "1Table"),
        "xls" => FileSamples.CompoundFile("Workbook", "\u0005SummaryInformation"),
        "xls-biff5" => FileSamples.CompoundFile("Book"),
        "msi-like-ole2" => FileSamples.CompoundFile("\u0005SummaryInformation", "\u4840\u3f3f\u4577"),
        "exe" => FileSamples.WindowsExecutable(),
        "elf" => FileSamples.LinuxExecutable(),
        "html" => FileSamples.Text("<!DOCTYPE html><html><body>Hi</body></html>"),
        "html-bom" => FileSamples.Text("  \r\n\t<HTML><script>alert(1)</script></HTML>", bom: true),
        "script" => FileSamples.Text("\n<script>fetch('/Account/Manage')</script>"),
        "html-comment-first" => FileSamples.Text("<!-- saved page --><html></html>"),
        "svg" => FileSamples.Text("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"),
        "shell" => FileSamples.Text("#!/bin/sh\nrm -rf ~\n"),
        "plain-zip" => FileSamples.Zip(("readme.txt", "hello"), ("word/not-really.txt", "x")),
        "docm-as-docx" => FileSamples.Docx(withMacros: true),
        "text" => FileSamples.Text("Бюджет проекта: 1 250 000 тенге"),
        "empty" => [],
        "truncated-zip" => FileSamples.Docx()[..200],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void Detect_RealSample_FindsItsType(string kind, DetectedFileType expected)
    {
        Assert.Equal(expected, FileInspection.Detect(Sample(kind)));
    }

    [Fact]
    public void Samples_AreRealFiles()
    {
        using var pdf = PdfDocument.Open(FileSamples.Pdf());
        Assert.Equal("Hello", Assert.Single(pdf.GetPage(1).GetWords()).Text);
        using var docx = new System.IO.Compression.ZipArchive(new MemoryStream(FileSamples.Docx()));
        Assert.NotNull(docx.GetEntry("[Content_Types].xml"));
        Assert.Equal("mimetype", new System.IO.Compression.ZipArchive(new MemoryStream(FileSamples.OpenDocument("x"))).Entries[0].FullName);
    }

    [Theory]
    [InlineData("Устав.pdf", "pdf")]
    [InlineData("logo.PNG", "png")]
    [InlineData("photo.jpg", "jpeg")]
    [InlineData("photo.JPEG", "jpeg")]
    [InlineData("Өтінім.docx", "docx")]
    [InlineData("Смета.xlsx", "xlsx")]
    [InlineData("report.odt", "odt")]
    [InlineData("budget.ods", "ods")]
    [InlineData("old.doc", "doc")]
    [InlineData("old.xls", "xls")]
    public void Inspect_RealFileUnderItsOwnExtension_IsAllowedWithTheDetectedContentType(string name, string kind)
    {
        var result = FileInspection.Inspect(name, Sample(kind), Allowed);

        Assert.True(result.IsAllowed);
        Assert.Equal(name, result.FileName);
        Assert.Equal(FileInspection.ContentTypeOf(result.Type), result.ContentType);
        Assert.NotEqual("application/octet-stream", result.ContentType);
    }

    [Theory]
    [InlineData("invoice.pdf", "exe")]
    [InlineData("invoice.pdf.", "exe")]
    [InlineData("photo.png", "elf")]
    [InlineData("page.pdf", "html")]
    [InlineData("Устав.docx", "pdf")]
    [InlineData("scan.pdf", "png")]
    [InlineData("table.xlsx", "docx")]
    [InlineData("report.docx", "odt")]
    [InlineData("old.xls", "doc")]
    [InlineData("macros.docx", "docm-as-docx")]
    [InlineData("archive.docx", "plain-zip")]
    [InlineData("notes.pdf", "text")]
    [InlineData("no-extension", "pdf")]
    public void Inspect_NameThatDoesNotMatchTheRealType_IsRefused(string name, string kind)
    {
        Assert.False(FileInspection.Inspect(name, Sample(kind), Allowed).IsAllowed);
    }

    [Fact]
    public void Inspect_RenamedExecutable_IsReportedAsDangerousAndStoredAsOctetStream()
    {
        var result = FileInspection.Inspect("Устав организации.pdf", FileSamples.WindowsExecutable(), Allowed);

        Assert.Equal(DetectedFileType.Executable, result.Type);
        Assert.True(FileInspection.IsDangerous(result.Type));
        Assert.Equal("application/octet-stream", result.ContentType);
        Assert.False(result.IsAllowed);
    }

    [Fact]
    public void IsAllowed_OnlyTheGivenExtensions_WithJpgAndJpegAlike()
    {
        string[] pdfOnly = ["pdf"];
        string[] images = [".JPG", "png"];

        Assert.True(FileInspection.IsAllowed(DetectedFileType.Pdf, pdfOnly));
        Assert.False(FileInspection.IsAllowed(DetectedFileType.Docx, pdfOnly));
        Assert.True(FileInspection.IsAllowed(DetectedFileType.Jpeg, images));
        Assert.True(FileInspection.IsAllowed("фото.jpeg", DetectedFileType.Jpeg, images));
        Assert.False(FileInspection.IsAllowed("scan.pdf", DetectedFileType.Pdf, images));
        Assert.False(FileInspection.IsAllowed(DetectedFileType.Unknown, Allowed));
        Assert.False(FileInspection.IsAllowed(DetectedFileType.Executable, ["exe", "pdf"]));
        Assert.False(FileInspection.IsAllowed(DetectedFileType.HtmlOrScript, ["html", "htm"]));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\system32\\drivers\\etc\\hosts", "hosts")]
    [InlineData("/var/www/index.html", "index.html")]
    [InlineData("a\0b.pdf", "ab.pdf")]
    [InlineData("C:\\Users\\x\\отчёт 2026.pdf", "отчёт 2026.pdf")]
    [InlineData("Жылдық   есеп\t2026\r\n(түзетілген).docx", "Жылдық есеп 2026 (түзетілген).docx")]
    [InlineData("Әлеуметтік жоба ғ қ ң ө ұ ү һ і.pdf", "Әлеуметтік жоба ғ қ ң ө ұ ү һ і.pdf")]
    [InlineData("a<b>c:d\"e|f?g*h.pdf", "abcdefgh.pdf")]
    [InlineData("  ..hidden.pdf. . ", "hidden.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("zero\u200Bwidth\uFEFF.pdf", "zerowidth.pdf")]
    [InlineData("CON.pdf", "_CON.pdf")]
    [InlineData("lpt1", "_lpt1")]
    [InlineData("e\u0301te\u0301.pdf", "\u00E9t\u00E9.pdf")]
    [InlineData("", "file")]
    [InlineData("   ", "file")]
    [InlineData("...", "file")]
    [InlineData("../", "file")]
    [InlineData("\0\u0001\u0002", "file")]
    public void SanitizeFileName_StripsWhatIsUnsafe_AndKeepsKazakhAndRussianLetters(string name, string expected)
    {
        Assert.Equal(expected, FileInspection.SanitizeFileName(name));
    }

    [Fact]
    public void SanitizeFileName_300Characters_IsCutTo150KeepingTheExtension()
    {
        var longName = string.Concat(Enumerable.Repeat("Қазақстан ", 30)) + ".docx";

        var result = FileInspection.SanitizeFileName(longName);

        Assert.True(result.Length <= FileInspection.MaxFileNameLength, result.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith(".docx", result, StringComparison.Ordinal);
        Assert.StartsWith("Қазақстан Қазақстан", result, StringComparison.Ordinal);
        Assert.DoesNotContain(" .docx", result, StringComparison.Ordinal);
    }

    [Fact]
    public void SanitizeFileName_CutInsideASurrogatePair_LeavesNoHalfCharacter()
    {
        var result = FileInspection.SanitizeFileName(new string('a', 145) + string.Concat(Enumerable.Repeat("😀", 20)) + ".pdf");

        Assert.Equal(new string('a', 145) + ".pdf", result);
        _ = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(result);
    }

    [Fact]
    public void SanitizeFileName_IsIdempotent()
    {
        var once = FileInspection.SanitizeFileName("..\\Өтінім <v2>?.pdf ");

        Assert.Equal(once, FileInspection.SanitizeFileName(once));
        Assert.Equal("Өтінім v2.pdf", once);
    }

    public static TheoryData<string, ActiveContent> ActiveSamples => new()
    {
        { "pdf", ActiveContent.None },
        { "pdf-open-action-fit", ActiveContent.None },
        { "pdf-open-action-js", ActiveContent.PdfActions },
        { "pdf-javascript-name-tree", ActiveContent.PdfActions },
        { "pdf-launch", ActiveContent.PdfActions },
        { "pdf-page-aa", ActiveContent.PdfActions },
        { "pdf-escaped-name", ActiveContent.PdfActions },
        { "pdf-js-in-object-stream", ActiveContent.PdfActions },
        { "docx", ActiveContent.None },
        { "xlsx", ActiveContent.None },
        { "docx-vba", ActiveContent.OfficeMacros },
        { "xlsm", ActiveContent.OfficeMacros },
        { "pptm", ActiveContent.OfficeMacros },
        { "doc", ActiveContent.None },
        { "doc-macros", ActiveContent.OfficeMacros },
        { "xls-vba", ActiveContent.OfficeMacros },
        { "odt", ActiveContent.None },
        { "odt-basic", ActiveContent.OfficeMacros },
        { "png", ActiveContent.None },
    };

    private static byte[] ActiveSample(string kind) => kind switch
    {
        "pdf-open-action-fit" => FileSamples.Pdf("/OpenAction [3 0 R /Fit] "),
        "pdf-open-action-js" => FileSamples.Pdf("/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> "),
        "pdf-javascript-name-tree" => FileSamples.Pdf("/Names << /JavaScript 6 0 R >> ", "<< /Names [(a) << /S /JavaScript /JS (this.print()) >>] >>"),
        "pdf-launch" => FileSamples.Pdf("/OpenAction 6 0 R ", "<< /S /Launch /F (cmd.exe) >>"),
        "pdf-page-aa" => FileSamples.Pdf(string.Empty, "<< /Type /Page /AA << /O 7 0 R >> >>", "<< /S /GoTo /D [3 0 R /Fit] >>"),
        "pdf-escaped-name" => FileSamples.Pdf("/OpenAction << /S /J#61vaScript /J#53 (x) >> "),
        "pdf-js-in-object-stream" => FileSamples.Pdf("/OpenAction 7 0 R ", FileSamples.ObjectStream(7, "<< /S /JavaScript /JS (app.launchURL\\(\\)) >>")),
        "docx-vba" => FileSamples.Docx(withMacros: true),
        "xlsm" => FileSamples.Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"), ("xl/vbaProject.bin", "VBA")),
        "pptm" => FileSamples.Zip(("[Content_Types].xml", "<Types/>"), ("ppt/presentation.xml", "<p/>"), ("ppt/vbaProject.bin", "VBA")),
        "doc-macros" => FileSamples.CompoundFile(("WordDocument", 2), ("1Table", 2), ("Macros", 1)),
        "xls-vba" => FileSamples.CompoundFile(("Workbook", 2), ("_VBA_PROJECT_CUR", 1)),
        "odt-basic" => FileSamples.Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"), ("Basic/Standard/Module1.xml", "<script:module/>")),
        _ => Sample(kind),
    };

    [Theory]
    [MemberData(nameof(ActiveSamples))]
    public void FindActiveContent_Sample_FindsScriptsAndMacros(string kind, ActiveContent expected)
    {
        Assert.Equal(expected, FileInspection.FindActiveContent(ActiveSample(kind)));
    }

    [Fact]
    public void Samples_PdfWithActions_AreRealPdfs()
    {
        using var pdf = PdfDocument.Open(ActiveSample("pdf-js-in-object-stream"));
        Assert.Equal("Hello", Assert.Single(pdf.GetPage(1).GetWords()).Text);
    }

    [Theory]
    [InlineData("charter.pdf", "pdf-open-action-js", ActiveContent.PdfActions)]
    [InlineData("budget.docx", "docx-vba", ActiveContent.OfficeMacros)]
    [InlineData("old.doc", "doc-macros", ActiveContent.OfficeMacros)]
    public void Inspect_FileWithActiveContent_IsRefusedAndSaysWhy(string name, string kind, ActiveContent expected)
    {
        var result = FileInspection.Inspect(name, ActiveSample(kind), Allowed);

        Assert.False(result.IsAllowed);
        Assert.Equal(expected, result.ActiveContent);
    }

    [Fact]
    public void FindActiveContent_ObjectStreamInflatingBeyondTheBudget_StopsWithoutThrowing()
    {
        using var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(new byte[80 * 1024 * 1024]);
        }

        var bomb = $"<< /Length {compressed.Length} /Filter /FlateDecode >>\nstream\n{System.Text.Encoding.Latin1.GetString(compressed.ToArray())}\nendstream";

        Assert.Equal(ActiveContent.None, FileInspection.FindActiveContent(FileSamples.Pdf(string.Empty, bomb)));
    }
}
