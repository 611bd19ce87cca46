using SocialOrder.Infrastructure.Persistence.Embedded;

namespace SocialOrder.Web.Infrastructure;

/// <summary>
/// The connection string the portal uses: the configured one, or else (in Development, or when
/// Database:Embedded is true) a project-local PostgreSQL started from the machine's binaries and
/// stopped again when the portal stops.
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
            ConnectionString = configured;
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
        ConnectionString = _server.ConnectionString(DatabaseName);
    }

    public string ConnectionString { get; }

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
