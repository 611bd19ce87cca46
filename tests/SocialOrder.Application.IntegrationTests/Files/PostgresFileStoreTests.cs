using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Files;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Infrastructure.Files;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests.Files;

public sealed class PostgresFileStoreTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Save_ThenRead_ReturnsTheSameBytesSizeAndSha256()
    {
        var content = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(content));

        var saved = await SaveAsync("Бюджет жобасы 2026.xlsx", FileInspection.ContentTypeOf(DetectedFileType.Xlsx), content);
        var read = await ReadAsync(saved.Id);

        Assert.NotNull(read);
        Assert.Equal(saved, read.Value.Info);
        Assert.Equal(content, read.Value.Content);
        Assert.Equal(content.LongLength, saved.Size);
        Assert.Equal(expectedHash, saved.Sha256);
        Assert.Equal("Бюджет жобасы 2026.xlsx", saved.FileName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", saved.ContentType);
    }

    [Fact]
    public async Task Save_KnownContent_HasTheStandardSha256InLowercaseHex()
    {
        var saved = await SaveAsync("abc.pdf", "application/pdf", Encoding.ASCII.GetBytes("abc"));

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", saved.Sha256);
        Assert.Equal(3, saved.Size);
    }

    [Fact]
    public async Task Save_EmptyFileAndUnsafeName_StoresTheSanitizedName()
    {
        var saved = await SaveAsync("../../etc/passwd\0", "application/octet-stream", []);
        var read = await ReadAsync(saved.Id);

        Assert.Equal("passwd", read!.Value.Info.FileName);
        Assert.Empty(read.Value.Content);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", read.Value.Info.Sha256);
    }

    [Fact]
    public async Task Read_UnknownId_ReturnsNull()
    {
        Assert.Null(await ReadAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Save_OverTheFileLimit_ThrowsAndStoresNothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
        var store = new PostgresFileStore(options, Options.Create(new FileLimits { MaxFileBytes = 1000 }), TimeProvider.System);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await db.Set<StoredFile>().CountAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync("big.pdf", "application/pdf", new MemoryStream(new byte[1001]), CancellationToken.None));

        Assert.Equal(before, await db.Set<StoredFile>().CountAsync());
    }

    [Fact]
    public void FileLimits_DefaultTo20And100Megabytes_AndComeFromTheUploadsSection()
    {
        var defaults = app.Services.GetRequiredService<IOptions<FileLimits>>().Value;
        using var configured = app.WithWebHostBuilder(b => b
            .UseSetting("Uploads:MaxFileBytes", "5242880")
            .UseSetting("Uploads:MaxBidBytes", "10485760"));
        var limits = configured.Services.GetRequiredService<IOptions<FileLimits>>().Value;

        Assert.Equal((20L * 1024 * 1024, 100L * 1024 * 1024), (defaults.MaxFileBytes, defaults.MaxBidBytes));
        Assert.Equal((5L * 1024 * 1024, 10L * 1024 * 1024), (limits.MaxFileBytes, limits.MaxBidBytes));
    }

    private async Task<StoredFileInfo> SaveAsync(string name, string contentType, byte[] content)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var stream = new MemoryStream(content);
        return await scope.ServiceProvider.GetRequiredService<IFileStore>().SaveAsync(name, contentType, stream, CancellationToken.None);
    }

    private async Task<(StoredFileInfo Info, byte[] Content)?> ReadAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IFileStore>().ReadAsync(id, CancellationToken.None);
    }
}
