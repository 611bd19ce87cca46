using System.IO.Compression;
using System.Text;
using Mediator;

namespace SocialOrder.Application.OpenData.ExportReleases;

/// <summary>Writes every release, oldest first, as gzipped JSON Lines (one release per line) and keeps it as the bulk file.</summary>
public sealed record ExportReleasesCommand : ICommand<OcdsExportInfo>;

public sealed class ExportReleasesCommandHandler(IOcdsEventIndex index, OcdsReleaseBuilder builder, IOcdsExportStore store, TimeProvider time)
    : ICommandHandler<ExportReleasesCommand, OcdsExportInfo>
{
    private const int Batch = 500;

    public async ValueTask<OcdsExportInfo> Handle(ExportReleasesCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var filter = new OcdsEventFilter(null, null, null);
        var count = 0;
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            var newline = "\n"u8.ToArray();
            OcdsCursor? after = null;
            while (true)
            {
                var events = await index.PageAsync(filter, after, Batch, now, cancellationToken);
                foreach (var release in await builder.BuildAsync(events, cancellationToken))
                {
                    await gzip.WriteAsync(Encoding.UTF8.GetBytes(release.ToJsonString(OcdsReleaseBuilder.Json)), cancellationToken);
                    await gzip.WriteAsync(newline, cancellationToken);
                    count++;
                }

                if (events.Count < Batch)
                {
                    break;
                }

                var last = events[^1];
                after = new OcdsCursor(last.At, last.CallId, last.Kind, last.Key);
            }
        }

        return await store.SaveAsync(buffer.ToArray(), count, now, cancellationToken);
    }
}
