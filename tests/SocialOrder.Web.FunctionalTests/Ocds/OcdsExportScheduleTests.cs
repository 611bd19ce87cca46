using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Infrastructure.OpenData;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests.Ocds;

/// <summary>A portal whose bulk job is on, as in production, and starts at once.</summary>
public sealed class OcdsExportingPortal : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ocds:ExportEnabled", "true");
        builder.UseSetting("Ocds:ExportFirstRunDelaySeconds", "0");
    }
}

public sealed class OcdsExportScheduleTests(OcdsExportingPortal app) : IClassFixture<OcdsExportingPortal>
{
    [Fact]
    public async Task BulkJob_OnAStartedPortal_GeneratesTheFileByItself()
    {
        // Starting the portal (its services) starts the job; nothing here runs it.
        Assert.NotNull(app.Services);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        OcdsExport? export = null;
        while (export is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            await using var scope = app.Services.CreateAsyncScope();
            export = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OcdsExport>().AsNoTracking().FirstOrDefaultAsync();
        }

        Assert.NotNull(export);
        Assert.Equal(export.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(export.Content)));
    }
}
