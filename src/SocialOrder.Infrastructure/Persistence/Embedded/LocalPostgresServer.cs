using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace SocialOrder.Infrastructure.Persistence.Embedded;

public sealed class PostgresNotAvailableException(string message) : Exception(message)
{
    public PostgresNotAvailableException()
        : this("PostgreSQL is not available.")
    {
    }

    public PostgresNotAvailableException(string message, Exception innerException)
        : this(message + " " + innerException?.Message)
    {
    }
}

/// <summary>
/// A PostgreSQL server run from the machine's own binaries (initdb/pg_ctl) in a folder of ours: the
/// development default and the test fallback when neither a connection string nor Docker is given.
/// PostgreSQL refuses to run as root, so as root every server command goes through <c>runuser -u postgres</c>.
/// </summary>
public sealed class LocalPostgresServer
{
    public const string SuperUser = "socialorder";

    private readonly string _binDirectory;
    private readonly bool _asRoot;

    private LocalPostgresServer(string binDirectory, string rootDirectory, int port, string password, bool startedByUs)
    {
        _binDirectory = binDirectory;
        _asRoot = IsRoot;
        RootDirectory = rootDirectory;
        Port = port;
        Password = password;
        StartedByUs = startedByUs;
    }

    public string RootDirectory { get; }

    public string DataDirectory => Path.Combine(RootDirectory, "pgdata");

    public int Port { get; }

    public string Password { get; }

    public bool StartedByUs { get; }

    private static bool IsRoot => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    public static string NotFoundMessage =>
        "No database is configured and no PostgreSQL server binaries (initdb, pg_ctl) were found: set ConnectionStrings__Default, " +
        "install PostgreSQL 15 or newer (for example 'apt-get install postgresql'), or run 'docker compose up db'.";

    /// <summary>The folder holding initdb and pg_ctl (version 15 or newer), or null.</summary>
    public static string? FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("SOCIALORDER_PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured) && File.Exists(Path.Combine(configured, "pg_ctl")))
        {
            return configured;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var best = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0))
                .Where(x => x.Version >= 15 && File.Exists(Path.Combine(x.Dir, "bin", "initdb")) && File.Exists(Path.Combine(x.Dir, "bin", "pg_ctl")))
                .OrderByDescending(x => x.Version)
                .FirstOrDefault();
            if (best.Dir is not null)
            {
                return Path.Combine(best.Dir, "bin");
            }
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb")))
            {
                var pgCtl = new FileInfo(Path.Combine(dir, "pg_ctl"));
                var target = pgCtl.LinkTarget is { } link ? Path.GetDirectoryName(Path.GetFullPath(link, dir))! : dir;
                return target;
            }
        }

        return null;
    }

    /// <summary>
    /// Starts the server kept in <paramref name="rootDirectory"/>, creating it on first use, or reuses it when it
    /// is already running. <paramref name="fastButUnsafe"/> turns durability off, for throwaway test servers.
    /// </summary>
    public static LocalPostgresServer StartOrReuse(string rootDirectory, int preferredPort, bool fastButUnsafe, Action<string>? log = null)
    {
        var bin = FindBinDirectory() ?? throw new PostgresNotAvailableException(NotFoundMessage);
        Directory.CreateDirectory(rootDirectory);
        var passwordFile = Path.Combine(rootDirectory, "password");
        var dataDirectory = Path.Combine(rootDirectory, "pgdata");
        var asRoot = IsRoot;

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            log?.Invoke($"Creating a PostgreSQL cluster in {dataDirectory}");
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }

            var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            File.WriteAllText(passwordFile, password);
            if (asRoot)
            {
                Run("chown", ["-R", "postgres:postgres", rootDirectory], 30);
                Run("chmod", ["700", rootDirectory], 30);
            }

            var server = new LocalPostgresServer(bin, rootDirectory, preferredPort, password, false);
            server.RunServerCommand(
                "initdb",
                ["-D", dataDirectory, "-U", SuperUser, "--pwfile", passwordFile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"],
                180);
            var settings = "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nmax_connections = 200\n";
            if (fastButUnsafe)
            {
                settings += "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n";
            }

            File.AppendAllText(Path.Combine(dataDirectory, "postgresql.conf"), settings);
            if (asRoot)
            {
                Run("chown", ["postgres:postgres", Path.Combine(dataDirectory, "postgresql.conf")], 30);
            }
        }

        var secret = File.ReadAllText(passwordFile).Trim();
        var runningPort = ReadRunningPort(dataDirectory);
        if (runningPort is { } p && CanConnect(p, secret))
        {
            log?.Invoke($"Reusing the PostgreSQL server already running on 127.0.0.1:{p}");
            return new LocalPostgresServer(bin, rootDirectory, p, secret, startedByUs: false);
        }

        var port = IsPortFree(preferredPort) ? preferredPort : FreePort();
        var started = new LocalPostgresServer(bin, rootDirectory, port, secret, startedByUs: true);
        log?.Invoke($"Starting PostgreSQL on 127.0.0.1:{port} (data in {dataDirectory})");
        started.RunServerCommand(
            "pg_ctl",
            ["start", "-D", dataDirectory, "-l", Path.Combine(rootDirectory, "server.log"), "-w", "-t", "120", "-o", $"-p {port}"],
            150);
        return started;
    }

    /// <summary>A server folder made earlier (maybe by a process that is gone), to stop and remove it.</summary>
    public static LocalPostgresServer Attach(string rootDirectory)
    {
        var bin = FindBinDirectory() ?? throw new PostgresNotAvailableException(NotFoundMessage);
        var passwordFile = Path.Combine(rootDirectory, "password");
        var password = File.Exists(passwordFile) ? File.ReadAllText(passwordFile).Trim() : string.Empty;
        return new LocalPostgresServer(bin, rootDirectory, ReadRunningPort(Path.Combine(rootDirectory, "pgdata")) ?? 0, password, startedByUs: true);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = Password,
        Database = database,
    }.ConnectionString;

    public void EnsureDatabase(string database)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", string.Empty, StringComparison.Ordinal)}\"", connection);
            create.ExecuteNonQuery();
        }
    }

    public void Stop()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            RunServerCommand("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], 90);
        }
    }

    public void StopAndDelete()
    {
        try
        {
            Stop();
        }
        finally
        {
            if (Directory.Exists(RootDirectory))
            {
                Directory.Delete(RootDirectory, recursive: true);
            }
        }
    }

    /// <summary>A folder the postgres user can reach: ours if every parent lets it through, else one under /var/tmp.</summary>
    public static string ReachableRoot(string preferred)
    {
        if (!IsRoot)
        {
            return preferred;
        }

        Directory.CreateDirectory(preferred);
        var parent = Path.GetDirectoryName(Path.GetFullPath(preferred))!;
        var probe = RunCapture("runuser", ["-u", "postgres", "--", "test", "-x", parent], 30);
        if (probe == 0)
        {
            return preferred;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(preferred))))[..12];
        return Path.Combine("/var/tmp", $"socialorder-{hash}", "postgres");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int? ReadRunningPort(string dataDirectory)
    {
        var pid = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pid))
        {
            return null;
        }

        try
        {
            var lines = File.ReadAllLines(pid);
            return lines.Length > 3 && int.TryParse(lines[3], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool CanConnect(int port, string password)
    {
        try
        {
            var cs = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = port, Username = SuperUser, Password = password, Database = "postgres", Timeout = 3,
            };
            using var connection = new NpgsqlConnection(cs.ConnectionString);
            connection.Open();
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            return false;
        }
    }

    private void RunServerCommand(string tool, IReadOnlyList<string> args, int timeoutSeconds)
    {
        var exe = Path.Combine(_binDirectory, tool);
        var exit = _asRoot
            ? RunCapture("runuser", ["-u", "postgres", "--", exe, .. args], timeoutSeconds, out var output)
            : RunCapture(exe, args, timeoutSeconds, out output);
        if (exit != 0)
        {
            throw new PostgresNotAvailableException($"'{tool} {string.Join(' ', args)}' failed with exit code {exit}: {output.Trim()}");
        }
    }

    private static void Run(string file, IReadOnlyList<string> args, int timeoutSeconds)
    {
        var exit = RunCapture(file, args, timeoutSeconds, out var output);
        if (exit != 0)
        {
            throw new PostgresNotAvailableException($"'{file} {string.Join(' ', args)}' failed: {output.Trim()}");
        }
    }

    private static int RunCapture(string file, IReadOnlyList<string> args, int timeoutSeconds) =>
        RunCapture(file, args, timeoutSeconds, out _);

    private static int RunCapture(string file, IReadOnlyList<string> args, int timeoutSeconds, out string output)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var buffer = new System.Text.StringBuilder();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { lock (buffer) { buffer.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (buffer) { buffer.AppendLine(e.Data); } };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // WaitForExit(timeout) does not wait for the pipes to close: the postmaster pg_ctl leaves behind may hold them.
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            output = buffer.ToString();
            return -1;
        }

        lock (buffer)
        {
            output = buffer.ToString();
        }

        return process.ExitCode;
    }
}
