using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialOrder.Application.OpenData;
using SocialOrder.Application.OpenData.ExportReleases;
using SocialOrder.Infrastructure.Persistence;

namespace SocialOrder.Infrastructure.OpenData;

/// <summary>
/// Regenerates the bulk file when the newest one is older than the interval. Every node runs this loop; a PostgreSQL
/// advisory lock (taken without waiting) lets exactly one of them work, and the age is checked again under the lock,
/// so a node that arrives just after another finished does nothing.
/// </summary>
public sealed partial class OcdsExportJob(IServiceScopeFactory scopes, IOptions<OcdsOptions> options, TimeProvider time, ILogger<OcdsExportJob> logger) : BackgroundService
{
    /// <summary>An arbitrary, fixed key of this job's advisory lock ('OCDS' in ASCII).</summary>
    public const long LockKey = 0x4F434453;

    private static readonly TimeSpan Tick = TimeSpan.FromMinutes(15);

    /// <summary>One pass: true when this node generated a new file.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({LockKey}) AS \"Value\"").SingleAsync(cancellationToken);
            if (!locked)
            {
                return false;
            }

            try
            {
                var latest = await scope.ServiceProvider.GetRequiredService<IOcdsExportStore>().LatestAsync(cancellationToken);
                if (latest is not null && latest.CreatedAt > time.GetUtcNow().AddHours(-options.Value.ExportIntervalHours))
                {
                    return false;
                }

                var export = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ExportReleasesCommand(), cancellationToken);
                LogExported(export.Releases, export.Size);
                return true;
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ExportEnabled)
        {
            return;
        }

        // Wall-clock waits (like the e-mail dispatcher's); the injected clock only decides the file's age.
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(options.Value.ExportFirstRunDelaySeconds), stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(ex);
                }

                await Task.Delay(Tick, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "OCDS bulk file regenerated: {Releases} releases, {Size} bytes")]
    private partial void LogExported(int releases, long size);

    [LoggerMessage(Level = LogLevel.Error, Message = "OCDS bulk file could not be regenerated")]
    private partial void LogFailed(Exception exception);
}

public static class OpenDataRegistration
{
    public static IServiceCollection AddOpenDataInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OcdsOptions>()
            .Bind(configuration.GetSection(OcdsOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.OcidPrefix) && o.ExportIntervalHours > 0 && o.ExportFirstRunDelaySeconds >= 0, "Ocds: OcidPrefix is required, ExportIntervalHours positive.")
            .ValidateOnStart();
        services.AddScoped<OcdsReleaseBuilder>();
        services.AddScoped<IOcdsEventIndex, OcdsEventIndex>();
        services.AddScoped<IOcdsExportStore, OcdsExportStore>();
        services.AddSingleton<OcdsExportJob>();
        services.AddHostedService(sp => sp.GetRequiredService<OcdsExportJob>());
        return services;
    }
}
