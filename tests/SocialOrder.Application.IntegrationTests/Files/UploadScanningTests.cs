using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialOrder.Application.Accounts.Register;
using SocialOrder.Application.Auditing.GetAuditEvents;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Bids.GetBidEditor;
using SocialOrder.Application.Bids.GetBidFile;
using SocialOrder.Application.Bids.StartBid;
using SocialOrder.Application.Bids.UploadBidDocument;
using SocialOrder.Application.Calls.Publish;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Organizations;
using SocialOrder.Application.Organizations.RegisterOrganization;
using SocialOrder.Domain.Organizations;
using SocialOrder.Infrastructure.Files;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests.Files;

/// <summary>A bid in an open call of the ministry, for one applicant of one organization.</summary>
internal sealed class UploadWorld(PortalFactory app)
{
    private static int _people;

    /// <summary>Documents of the default methodology: 0 charter (pdf), 1 budget (pdf, xlsx), 2 letters (pdf, jpg, png).</summary>
    public async Task<(ClaimsPrincipal User, Guid BidId)> BidAsync()
    {
        Guid body;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            body = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().StateBodies.AsNoTracking().SingleAsync(b => b.Bin == DemoDataSeeder.MinistryBin)).Id.Value;
        }

        var ministry = PortalFactory.Principal(Guid.NewGuid(), "official@socialorder.kz", body, Roles.Official);
        var now = app.Clock.GetUtcNow();
        var call = await app.SendAsync(CallCommandBuilder.Complete(now) with { OpensAt = now.AddMinutes(1), ClosesAt = now.AddDays(20) }, ministry);
        Assert.True((await app.SendAsync(new PublishCallCommand(call.Value), ministry)).IsSuccess);
        app.Clock.Advance(TimeSpan.FromMinutes(2));

        var n = Interlocked.Increment(ref _people);
        var email = $"scan{n}@example.kz";
        const string password = "a long enough passphrase";
        var user = await app.SendAsync(new RegisterAccountCommand(email, password, password, "Member " + n, AccountType.Applicant, "ru"));
        var principal = PortalFactory.Principal(user.Value, email, Roles.Applicant);
        var org = await app.SendAsync(new RegisterOrganizationCommand(ValidBin(n), "Ұйым " + n, "Организация " + n, LegalForm.PublicFoundation, 19, "Алматы", "+7 727 000 00 00", "org@example.kz", "Руководитель", false, null), principal);
        Assert.True(org.IsSuccess, string.Join(",", org.Errors.Select(e => e.Code)));
        var bid = await app.SendAsync(new StartBidCommand(call.Value, org.Value), principal);
        Assert.True(bid.IsSuccess, string.Join(",", bid.Errors.Select(e => e.Code)));
        return (principal, bid.Value);
    }

    public async Task<long> StoredFilesAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM stored_files", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>A real PDF that carries the EICAR test string in an unused object, as a dropper would carry its payload.</summary>
    public static byte[] InfectedPdf() =>
        FileSamples.Pdf(string.Empty, $"<< /Length {TestClamd.Eicar.Length} >>\nstream\n{System.Text.Encoding.ASCII.GetString(TestClamd.Eicar)}\nendstream");

    private static string ValidBin(int seed)
    {
        for (var n = 500_000 + seed * 1000; ; n++)
        {
            var prefix = (100000000000L + n).ToString(System.Globalization.CultureInfo.InvariantCulture)[1..12];
            for (var d = 0; d < 10; d++)
            {
                if (Bin.IsValid(prefix + d))
                {
                    return prefix + d;
                }
            }
        }
    }
}

public sealed class UploadScanningTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private readonly UploadWorld _world = new(app);

    [Fact]
    public async Task Upload_FileWithTheEicarSignature_IsRefusedWithItsName_NothingIsStored_AndTheAuditSaysSo()
    {
        var (user, bidId) = await _world.BidAsync();
        var before = await _world.StoredFilesAsync();

        var result = await app.SendAsync(new UploadBidDocumentCommand(bidId, 0, "Устав.pdf", UploadWorld.InfectedPdf()), user);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("Upload.Malware", "File"), (error.Code, error.Field));
        Assert.Contains(TestClamd.EicarSignature, (string)Assert.Single(error.Args!), StringComparison.Ordinal);
        Assert.Equal(before, await _world.StoredFilesAsync());
        Assert.Empty((await app.SendAsync(new GetBidEditorQuery(bidId), user))!.Attachments);
        var audit = Assert.Single((await app.SendAsync(new GetAuditEventsQuery("MalwareRefused", null, null, 1))).Items, e => e.EntityId == bidId.ToString());
        Assert.Equal("Refused", audit.Outcome);
        Assert.Contains(TestClamd.EicarSignature, audit.Details, StringComparison.Ordinal);
        Assert.Contains("Устав.pdf", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_CleanFile_IsScannedAndStored()
    {
        var (user, bidId) = await _world.BidAsync();
        var before = await _world.StoredFilesAsync();
        var pdf = FileSamples.Pdf();

        var result = await app.SendAsync(new UploadBidDocumentCommand(bidId, 0, "Устав.pdf", pdf), user);

        Assert.True(result.IsSuccess, string.Join(",", result.Errors.Select(e => e.Code)));
        Assert.Equal(before + 1, await _world.StoredFilesAsync());
        var stored = await app.SendAsync(new GetBidFileQuery(bidId, result.Value.FileId), user);
        Assert.Equal(pdf, stored!.Content);
    }

    [Theory]
    [InlineData("pdf-javascript", 0, "Устав.pdf", "Upload.PdfActions")]
    [InlineData("pdf-launch", 0, "Устав.pdf", "Upload.PdfActions")]
    [InlineData("docx-vba", 0, "Устав.docx", "Upload.OfficeMacros")]
    [InlineData("xlsx-vba", 1, "Смета.xlsx", "Upload.OfficeMacros")]
    public async Task Upload_FileWithScriptsOrMacros_IsRefusedWithItsOwnMessage_AndNothingIsStored(string kind, int document, string name, string code)
    {
        var (user, bidId) = await _world.BidAsync();
        var before = await _world.StoredFilesAsync();
        var bytes = kind switch
        {
            "pdf-javascript" => FileSamples.Pdf("/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> "),
            "pdf-launch" => FileSamples.Pdf("/OpenAction 6 0 R ", "<< /S /Launch /F (cmd.exe) >>"),
            "docx-vba" => FileSamples.Docx(withMacros: true),
            _ => FileSamples.Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"), ("xl/vbaProject.bin", "VBA")),
        };

        var result = await app.SendAsync(new UploadBidDocumentCommand(bidId, document, name, bytes), user);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal((code, "File"), (result.Errors[0].Code, result.Errors[0].Field));
        Assert.Equal(before, await _world.StoredFilesAsync());
        Assert.Empty((await app.SendAsync(new GetBidEditorQuery(bidId), user))!.Attachments);
    }

    [Fact]
    public async Task Clamd_OverTcp_FindsEicarBeyondTheFirstChunk_AndPassesCleanBytes()
    {
        var scanner = new ClamdScanner(Options.Create(new ClamdOptions { Address = await TestClamd.TcpAddressAsync(), TimeoutSeconds = 30 }));
        var large = new byte[300 * 1024];
        Random.Shared.NextBytes(large);
        TestClamd.Eicar.CopyTo(large, 200 * 1024 + 17);

        var infected = await scanner.ScanAsync(large, CancellationToken.None);
        var clean = await scanner.ScanAsync(new byte[300 * 1024], CancellationToken.None);

        Assert.Equal(MalwareScanOutcome.Infected, infected.Outcome);
        Assert.Contains(TestClamd.EicarSignature, infected.Detail, StringComparison.Ordinal);
        Assert.Equal(MalwareScanOutcome.Clean, clean.Outcome);
        Assert.True(await scanner.PingAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("unix")]
    [InlineData("tcp")]
    public async Task Clamd_NobodyListening_IsUnavailableNotClean(string kind)
    {
        var address = kind == "unix" ? TestClamd.UnreachableAddress : "127.0.0.1:1";
        var scanner = new ClamdScanner(Options.Create(new ClamdOptions { Address = address, TimeoutSeconds = 5 }));

        var result = await scanner.ScanAsync(TestClamd.Eicar, CancellationToken.None);

        Assert.Equal(MalwareScanOutcome.Unavailable, result.Outcome);
        Assert.False(await scanner.PingAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("/run/clamav/clamd.ctl", true)]
    [InlineData("unix:/tmp/clamd.sock", true)]
    [InlineData("127.0.0.1:3310", true)]
    [InlineData("tcp://clamav:3310", true)]
    [InlineData("[::1]:3310", true)]
    [InlineData("clamav", false)]
    [InlineData("clamav:99999", false)]
    [InlineData("", false)]
    public void Address_SocketPathOrHostPort_IsAcceptedElseRefused(string address, bool valid)
    {
        Assert.Equal(valid, ClamdScanner.IsValidAddress(address));
    }
}

/// <summary>The portal with clamd unreachable, in the production mode (Required).</summary>
public sealed class ScannerDownPortal : PortalFactory
{
    protected override Task<string> ScannerAddressAsync() => Task.FromResult(TestClamd.UnreachableAddress);
}

/// <summary>The portal with clamd unreachable in Development's mode (WhenAvailable).</summary>
public sealed class ScannerDownDevelopmentPortal : PortalFactory
{
    protected override Task<string> ScannerAddressAsync() => Task.FromResult(TestClamd.UnreachableAddress);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Uploads:Scanner:Mode", "WhenAvailable");
    }
}

public sealed class ScannerDownTests(ScannerDownPortal app) : IClassFixture<ScannerDownPortal>
{
    private readonly UploadWorld _world = new(app);

    [Fact]
    public async Task Upload_WhenTheScannerIsDown_IsRefused_AndNothingIsStored()
    {
        var (user, bidId) = await _world.BidAsync();
        var before = await _world.StoredFilesAsync();

        var result = await app.SendAsync(new UploadBidDocumentCommand(bidId, 0, "Устав.pdf", FileSamples.Pdf()), user);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(("Upload.ScannerUnavailable", "File"), (result.Errors[0].Code, result.Errors[0].Field));
        Assert.Equal(before, await _world.StoredFilesAsync());
        Assert.Empty((await app.SendAsync(new GetBidEditorQuery(bidId), user))!.Attachments);
    }

    [Fact]
    public async Task Readiness_WhenTheScannerIsDown_IsDegradedNotDown()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", await response.Content.ReadAsStringAsync());
    }
}

public sealed class ScannerDownInDevelopmentTests(ScannerDownDevelopmentPortal app) : IClassFixture<ScannerDownDevelopmentPortal>
{
    private readonly UploadWorld _world = new(app);

    [Fact]
    public async Task Upload_WhenAvailableModeAndTheScannerIsDown_IsAcceptedUnscanned_ButScriptsAreStillRefused()
    {
        var (user, bidId) = await _world.BidAsync();

        var clean = await app.SendAsync(new UploadBidDocumentCommand(bidId, 0, "Устав.pdf", FileSamples.Pdf()), user);
        var script = await app.SendAsync(new UploadBidDocumentCommand(bidId, 1, "Смета.pdf", FileSamples.Pdf("/OpenAction << /S /JavaScript /JS (x) >> ")), user);

        Assert.True(clean.IsSuccess, string.Join(",", clean.Errors.Select(e => e.Code)));
        Assert.Equal("Upload.PdfActions", script.Errors[0].Code);
    }
}
