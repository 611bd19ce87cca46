using Mediator;

namespace SocialOrder.Application.OpenData.GetReleasesExport;

public sealed record ReleasesExport(OcdsExportInfo Info, byte[]? Content);

/// <summary>The newest bulk file: its description, and its bytes unless the caller only compares its hash (an ETag).</summary>
public sealed record GetReleasesExportQuery(bool WithContent) : IQuery<ReleasesExport?>;

public sealed class GetReleasesExportQueryHandler(IOcdsExportStore store) : IQueryHandler<GetReleasesExportQuery, ReleasesExport?>
{
    public async ValueTask<ReleasesExport?> Handle(GetReleasesExportQuery query, CancellationToken cancellationToken)
    {
        var latest = await store.LatestAsync(cancellationToken);
        if (latest is null)
        {
            return null;
        }

        return new ReleasesExport(latest, query.WithContent ? await store.ContentAsync(latest.Id, cancellationToken) : null);
    }
}
