using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocialOrder.Testing;

/// <summary>
/// One ClamAV daemon per test run (per test assembly), started from the machine's clamd (clamav-daemon) over a
/// signature database the fixture writes itself: the only signature is EICAR's test string, so start-up takes a
/// fraction of a second and no download (freshclam) is needed. It listens on a Unix socket and on a loopback TCP
/// port, and is stopped with the test process (by a watchdog when the host ends without ProcessExit); anything left by
/// a test process that is gone is removed at the next run.
/// </summary>
public static class TestClamd
{
    public const string EicarSignature = "Eicar-Test-Signature";

    private const string FolderPrefix = "socialorder-clamd-";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Daemon? _daemon;

    /// <summary>The 68-byte EICAR anti-virus test string: harmless, but every scanner must report it.</summary>
    public static byte[] Eicar { get; } = Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");

    /// <summary>A socket path where nothing listens: a portal pointed at it has its scanner down.</summary>
    public static string UnreachableAddress { get; } = Path.Combine("/tmp", $"{FolderPrefix}none-{Environment.ProcessId}.sock");

    /// <summary>The daemon's Unix socket path, starting the daemon on first use.</summary>
    public static async Task<string> SocketAddressAsync() => (await StartAsync()).Socket;

    /// <summary>The daemon's TCP address (127.0.0.1:port), starting the daemon on first use.</summary>
    public static async Task<string> TcpAddressAsync() => $"127.0.0.1:{(await StartAsync()).Port}";

    private static async Task<Daemon> StartAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _daemon ??= await LaunchAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<Daemon> LaunchAsync()
    {
        var executable = Locate() ?? throw new InvalidOperationException(
            "The tests need ClamAV's daemon: install it (apt-get install clamav-daemon) or set SOCIALORDER_CLAMD to the clamd executable.");
        RemoveLeftovers();
        var folder = Path.Combine("/tmp", $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..48]);
        var database = Directory.CreateDirectory(Path.Combine(folder, "db")).FullName;
        await File.WriteAllTextAsync(Path.Combine(database, "socialorder-test.ndb"), $"{EicarSignature}:0:*:{Convert.ToHexStringLower(Eicar)}\n");
        var socket = Path.Combine(folder, "clamd.sock");
        var port = FreePort();
        var config = Path.Combine(folder, "clamd.conf");
        await File.WriteAllTextAsync(config, string.Join('\n',
            $"LocalSocket {socket}",
            "LocalSocketMode 600",
            $"TCPSocket {port}",
            "TCPAddr 127.0.0.1",
            "Foreground yes",
            $"DatabaseDirectory {database}",
            $"PidFile {Path.Combine(folder, "clamd.pid")}",
            $"LogFile {Path.Combine(folder, "clamd.log")}",
            "Bytecode no",
            "StreamMaxLength 30M",
            "SelfCheck 0",
            string.Empty));

        // The test host may be ended without running ProcessExit handlers, so a watchdog shell ends clamd and removes
        // its folder as soon as the test process is gone.
        var watchdog = $"""
            "$1" -c "$2" &
            child=$!
            while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done
            kill $child 2>/dev/null
            wait $child
            rm -rf "$3"
            """;
        var output = new StringBuilder();
        var process = new Process
        {
            StartInfo = new ProcessStartInfo("/bin/sh", ["-c", watchdog, "clamd-watchdog", executable, config, folder])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            },
        };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var daemon = new Daemon(process, folder, socket, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => daemon.Stop();

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                daemon.Stop();
                throw new InvalidOperationException($"clamd ({executable}) exited with {process.ExitCode} at start-up: {Tail(output)}");
            }

            if (File.Exists(socket) && await PingsAsync(socket))
            {
                return daemon;
            }

            await Task.Delay(50);
        }

        daemon.Stop();
        throw new InvalidOperationException($"clamd did not answer PING within 90 seconds: {Tail(output)}");
    }

    private static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable("SOCIALORDER_CLAMD");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries);
        return path.Concat(["/usr/sbin", "/usr/local/sbin"]).Select(d => Path.Combine(d, "clamd")).FirstOrDefault(File.Exists);
    }

    private static async Task<bool> PingsAsync(string socketPath)
    {
        try
        {
            using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), timeout.Token);
            await client.SendAsync("zPING\0"u8.ToArray(), SocketFlags.None, timeout.Token);
            var buffer = new byte[16];
            var read = await client.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).TrimEnd('\0') == "PONG";
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The test host may be ended before ProcessExit handlers run: daemons of test processes that are gone are stopped here.</summary>
    private static void RemoveLeftovers()
    {
        foreach (var dir in Directory.EnumerateDirectories("/tmp", FolderPrefix + "*"))
        {
            var parts = Path.GetFileName(dir)[FolderPrefix.Length..].Split('-');
            if (!int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var owner) || Directory.Exists($"/proc/{owner}"))
            {
                continue;
            }

            try
            {
                var pidFile = Path.Combine(dir, "clamd.pid");
                if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var pid)
                    && File.Exists($"/proc/{pid}/cmdline") && File.ReadAllText($"/proc/{pid}/cmdline").Contains(dir, StringComparison.Ordinal))
                {
                    using var leftover = Process.GetProcessById(pid);
                    leftover.Kill();
                    leftover.WaitForExit(5000);
                }

                Directory.Delete(dir, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Another run may be cleaning the same folder; what is left is tried again next time.
            }
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            var text = output.ToString();
            return text.Length > 2000 ? text[^2000..] : text;
        }
    }

    private sealed record Daemon(Process Process, string Folder, string Socket, int Port)
    {
        public void Stop()
        {
            try
            {
                if (!Process.HasExited)
                {
                    Process.Kill(entireProcessTree: true);
                    Process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Removed at the next run (RemoveLeftovers).
            }
        }
    }
}
