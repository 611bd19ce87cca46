using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocialOrder.Infrastructure.Persistence;

public sealed class UnknownMigrationsException(IReadOnlyList<string> unknown)
    : Exception("The database has migrations this version of the portal does not know (" + string.Join(", ", unknown) +
                "): it was upgraded by a newer version. Refusing to start; deploy that version or restore a matching backup.")
{
    public IReadOnlyList<string> Unknown { get; } = unknown;
}

public static partial class DatabaseInitializer
{
    /// <summary>Applies pending migrations, refusing a database that a newer portal has migrated, then seeds reference data.</summary>
    public static async Task InitializeAsync(IServiceProvider services, bool seedDemo, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        // A new database has no history table; creating it first spares the log three "failed command" errors.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await EnsureNoUnknownMigrationsAsync(db, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            LogApplying(logger, pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        await ReferenceDataSeeder.SeedAsync(db, cancellationToken);
        await DemoDataSeeder.EnsureRolesAsync(scope.ServiceProvider);
        if (seedDemo)
        {
            await DemoDataSeeder.SeedAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    public static async Task EnsureNoUnknownMigrationsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.GetService<IHistoryRepository>().ExistsAsync(cancellationToken))
        {
            return;
        }

        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        var unknown = applied.Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new UnknownMigrationsException(unknown);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s): {Migrations}")]
    private static partial void LogApplying(ILogger logger, int count, string migrations);
}
