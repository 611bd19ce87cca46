using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;

namespace SocialOrder.Infrastructure.Files;

/// <summary>Where clamd listens and how long a scan may take, bound from <c>Uploads:Scanner</c>.</summary>
public sealed class ClamdOptions
{
    public const string Section = "Uploads:Scanner";

    /// <summary>A Unix socket path (absolute, or <c>unix:</c> + path) or <c>host:port</c> of clamd's TCPSocket.</summary>
    public string Address { get; set; } = "/run/clamav/clamd.ctl";

    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>
/// A client of clamd's documented protocol: <c>zINSTREAM</c> with 4-byte big-endian chunk lengths and a zero-length
/// terminator, answered by "stream: OK", "stream: NAME FOUND" or "... ERROR"; <c>zPING</c> answered by "PONG".
/// One connection per command, so nothing is shared between concurrent uploads.
/// </summary>
public sealed class ClamdScanner(IOptions<ClamdOptions> options) : IMalwareScanner
{
    private const int ChunkSize = 64 * 1024;

    public async Task<MalwareScanResult> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await CommandAsync("zINSTREAM\0"u8.ToArray(), content, cancellationToken);
            return Parse(reply);
        }
        catch (Exception ex) when (IsUnreachable(ex, cancellationToken))
        {
            return new MalwareScanResult(MalwareScanOutcome.Unavailable, ex.Message);
        }
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await CommandAsync("zPING\0"u8.ToArray(), null, cancellationToken) == "PONG";
        }
        catch (Exception ex) when (IsUnreachable(ex, cancellationToken))
        {
            return false;
        }
    }

    /// <summary>"stream: OK", "stream: Eicar-Test-Signature FOUND", "INSTREAM size limit exceeded. ERROR".</summary>
    internal static MalwareScanResult Parse(string reply)
    {
        const string prefix = "stream: ";
        if (reply == prefix + "OK")
        {
            return MalwareScanResult.Clean;
        }

        if (reply.StartsWith(prefix, StringComparison.Ordinal) && reply.EndsWith(" FOUND", StringComparison.Ordinal))
        {
            return new MalwareScanResult(MalwareScanOutcome.Infected, reply[prefix.Length..^" FOUND".Length].Trim());
        }

        return new MalwareScanResult(MalwareScanOutcome.Unavailable, reply.Length == 0 ? "no reply" : reply);
    }

    private static bool IsUnreachable(Exception ex, CancellationToken cancellationToken) =>
        ex is SocketException or IOException or TimeoutException or FormatException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private async Task<string> CommandAsync(byte[] command, ReadOnlyMemory<byte>? stream, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds)));
        var endPoint = EndPointOf(settings.Address);
        using var socket = endPoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endPoint, timeout.Token);
        await using var network = new NetworkStream(socket, ownsSocket: false);
        await network.WriteAsync(command, timeout.Token);
        if (stream is { } content)
        {
            var length = new byte[4];
            for (var at = 0; at < content.Length; at += ChunkSize)
            {
                var chunk = content.Slice(at, Math.Min(ChunkSize, content.Length - at));
                BinaryPrimitives.WriteUInt32BigEndian(length, (uint)chunk.Length);
                await network.WriteAsync(length, timeout.Token);
                await network.WriteAsync(chunk, timeout.Token);
            }

            BinaryPrimitives.WriteUInt32BigEndian(length, 0);
            await network.WriteAsync(length, timeout.Token);
        }

        using var reply = new MemoryStream();
        var buffer = new byte[256];
        int read;
        while ((read = await network.ReadAsync(buffer, timeout.Token)) > 0)
        {
            var end = Array.IndexOf(buffer, (byte)0, 0, read);
            reply.Write(buffer, 0, end < 0 ? read : end);
            if (end >= 0 || reply.Length > 4096)
            {
                break;
            }
        }

        return Encoding.UTF8.GetString(reply.ToArray()).Trim();
    }

    public static bool IsValidAddress(string address)
    {
        try
        {
            EndPointOf(address);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>"/run/clamav/clamd.ctl", "unix:/tmp/clamd.sock", "127.0.0.1:3310", "tcp://clamav:3310".</summary>
    internal static EndPoint EndPointOf(string address)
    {
        var value = (address ?? string.Empty).Trim();
        if (value.StartsWith("unix:", StringComparison.OrdinalIgnoreCase))
        {
            return new UnixDomainSocketEndPoint(value["unix:".Length..]);
        }

        if (value.StartsWith('/'))
        {
            return new UnixDomainSocketEndPoint(value);
        }

        if (value.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase))
        {
            value = value["tcp://".Length..];
        }

        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new FormatException($"Uploads:Scanner:Address \"{address}\" is neither a socket path nor host:port.");
        }

        var host = value[..colon].Trim('[', ']');
        return IPAddress.TryParse(host, out var ip) ? new IPEndPoint(ip, port) : new DnsEndPoint(host, port);
    }
}
