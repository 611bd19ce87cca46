using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Infrastructure.Persistence.Embedded;
using Testcontainers.PostgreSql;

namespace SocialOrder.Testing;

/// <summary>
/// One PostgreSQL server per test run (per test assembly): SOCIALORDER_TEST_DB when set, else a Testcontainers
/// server when a Docker engine answers, else a throwaway server from the machine's binaries, removed at exit.
/// A template database holds the migrated schema and demo data; each test class gets its own copy of it.
/// </summary>
public static class TestPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _adminConnectionString;
    private static string? _templateName;
    private static int _counter;

    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        await Gate.WaitAsync();
        try
        {
            _adminConnectionString ??= await StartServerAsync();
            _templateName ??= await CreateTemplateAsync(_adminConnectionString);
            var name = $"t_{Sanitize(purpose)}_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{_templateName}\"", connection);
            await create.ExecuteNonQueryAsync();
            return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name }.ConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> StartServerAsync()
    {
        var configured = Environment.GetEnvironmentVariable("SOCIALORDER_TEST_DB");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (await DockerAnswersAsync())
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await container.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return container.GetConnectionString();
        }

        if (LocalPostgresServer.FindBinDirectory() is null)
        {
            throw new InvalidOperationException(
                "The tests need PostgreSQL: install the PostgreSQL 15+ server binaries (apt-get install postgresql), " +
                "start Docker, or set SOCIALORDER_TEST_DB to a connection string of a server where databases may be created.");
        }

        RemoveLeftovers();
        var root = Path.Combine("/tmp", $"socialorder-test-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        var server = LocalPostgresServer.StartOrReuse(root, LocalPostgresServer.FreePort(), fastButUnsafe: true);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAndDelete();
        return server.ConnectionString("postgres");
    }

    /// <summary>
    /// The test host may be ended before ProcessExit handlers finish; servers of test processes that are gone are
    /// stopped and their folders removed at the next run.
    /// </summary>
    private static void RemoveLeftovers()
    {
        foreach (var dir in Directory.EnumerateDirectories("/tmp", "socialorder-test-*"))
        {
            var parts = Path.GetFileName(dir).Split('-');
            if (parts.Length < 3 || !int.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var pid) || Directory.Exists($"/proc/{pid}"))
            {
                continue;
            }

            try
            {
                LocalPostgresServer.Attach(dir).StopAndDelete();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PostgresNotAvailableException)
            {
                // Another run may be cleaning the same folder; what is left is tried again next time.
            }
        }
    }

    /// <summary>Cheap check first (a socket file or DOCKER_HOST), then a real ping, so no time is lost where Docker is absent.</summary>
    private static async Task<bool> DockerAnswersAsync()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        const string socket = "/var/run/docker.sock";
        if (string.IsNullOrEmpty(host) && !File.Exists(socket))
        {
            return false;
        }

        if (!string.IsNullOrEmpty(host))
        {
            return true;
        }

        try
        {
            using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(new UnixDomainSocketEndPoint(socket), timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<string> CreateTemplateAsync(string admin)
    {
        var name = $"socialorder_template_{Environment.ProcessId}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var templateConnection = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddSingleton<Mediator.IPublisher, NoEventsPublisher>();
        SocialOrder.Infrastructure.DependencyInjection.AddInfrastructure(
            services, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), _ => templateConnection);
        services.AddSingleton<SocialOrder.Application.Common.Interfaces.ICurrentUser, SystemUser>();
        await using (var provider = services.BuildServiceProvider())
        {
            await DatabaseInitializer.InitializeAsync(provider, seedDemo: true);
        }

        NpgsqlConnection.ClearAllPools();
        return name;
    }

    private static string Sanitize(string value) =>
        new string(value.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(24).ToArray());

    private sealed class SystemUser : SocialOrder.Application.Common.Interfaces.ICurrentUser
    {
        public Guid? Id => null;

        public string? Name => "test-setup";

        public string? IpAddress => null;

        public string ClientNetwork => "unknown";

        public string? UserAgent => null;

        public Guid? StateBodyId => null;

        public bool IsInRole(string role) => false;
    }

    /// <summary>Seeding raises no domain events; if it ever does, the template build should say so loudly.</summary>
    private sealed class NoEventsPublisher : Mediator.IPublisher
    {
        public ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
            where TNotification : Mediator.INotification =>
            throw new InvalidOperationException("Unexpected domain event while building the test template: " + typeof(TNotification).Name);

        public ValueTask Publish(object notification, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Unexpected domain event while building the test template.");
    }
}
