using System.Data.Common;
using Npgsql;
using SocialOrder.Infrastructure.Persistence.Embedded;

namespace SocialOrder.Web.Infrastructure;

/// <summary>
/// The connection string the portal uses: the configured one, or else (in Development, or when
/// Database:Embedded is true) a project-local PostgreSQL started from the machine's binaries and
/// stopped again when the portal stops. Either way the connection pool is bounded (<see cref="WithPoolBound"/>, ADR 30).
/// </summary>
public sealed partial class DatabaseConnection : IDisposable
{
    private const string DatabaseName = "socialorder";
    private readonly LocalPostgresServer? _server;

    public DatabaseConnection(IConfiguration configuration, IHostEnvironment environment, ILogger<DatabaseConnection> logger)
    {
        var configured = configuration.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = WithPoolBound(configured, configuration);
            return;
        }

        var embedded = configuration.GetValue<bool?>("Database:Embedded") ?? environment.IsDevelopment();
        if (!embedded)
        {
            throw new PostgresNotAvailableException(
                "No database is configured: set ConnectionStrings__Default to a PostgreSQL 15+ connection string " +
                "(or run in Development, where the portal starts its own PostgreSQL from the machine's binaries).");
        }

        var folder = configuration["Database:EmbeddedDirectory"];
        if (string.IsNullOrWhiteSpace(folder))
        {
            folder = Path.Combine(FindRepositoryRoot(environment.ContentRootPath), ".data", "postgres");
        }

        var root = LocalPostgresServer.ReachableRoot(folder);
        var port = configuration.GetValue("Database:EmbeddedPort", 54329);
        _server = LocalPostgresServer.StartOrReuse(root, port, fastButUnsafe: false, message => LogEmbedded(logger, message));
        _server.EnsureDatabase(DatabaseName);
        ConnectionString = WithPoolBound(_server.ConnectionString(DatabaseName), configuration);
    }

    public string ConnectionString { get; }

    /// <summary>
    /// The pool's Maximum Pool Size: <c>Database:MaxPoolSize</c> when set, else the connection string's own when it
    /// names one, else four connections per core. A request finding every connection busy waits in the portal (up to
    /// the connection string's Timeout, 15 s by default) instead of adding a backend to a PostgreSQL that has no core
    /// left to run it.
    /// </summary>
    public static string WithPoolBound(string connectionString, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetValue<int?>("Database:MaxPoolSize");
        if (configured is null && NamesMaxPoolSize(connectionString))
        {
            return connectionString;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = Math.Max(1, configured ?? DefaultMaxPoolSize),
        };
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, builder.MaxPoolSize);
        return builder.ConnectionString;
    }

    public static int DefaultMaxPoolSize => 4 * Environment.ProcessorCount;

    private static bool NamesMaxPoolSize(string connectionString)
    {
        var parsed = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return parsed.Keys.Cast<string>()
            .Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())
            .Any(k => k is "MAXIMUMPOOLSIZE" or "MAXPOOLSIZE");
    }

    public void Dispose()
    {
        if (_server is { StartedByUs: true })
        {
            _server.Stop();
        }
    }

    private static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialOrder.sln")))
            {
                return dir.FullName;
            }
        }

        return start;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded PostgreSQL: {Message}")]
    private static partial void LogEmbedded(ILogger logger, string message);
}
