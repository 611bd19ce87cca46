using System.Text.Json.Nodes;
using Mediator;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.OpenData.GetRecordPackage;

/// <summary>Every release of one call and its compiled release; a draft's or an unknown ocid is not found.</summary>
public sealed record GetRecordPackageQuery(string Ocid) : IQuery<Result<JsonObject>>;

public sealed class GetRecordPackageQueryHandler(IOcdsEventIndex index, OcdsReleaseBuilder builder, IOcdsLinks links, IOptions<OcdsOptions> options, TimeProvider time)
    : IQueryHandler<GetRecordPackageQuery, Result<JsonObject>>
{
    public async ValueTask<Result<JsonObject>> Handle(GetRecordPackageQuery query, CancellationToken cancellationToken)
    {
        var prefix = options.Value.OcidPrefix + "-";
        if (string.IsNullOrEmpty(query.Ocid) || !query.Ocid.StartsWith(prefix, StringComparison.Ordinal))
        {
            return Result<JsonObject>.NotFound();
        }

        var reference = query.Ocid[prefix.Length..];
        if (reference.Length is 0 or > 20 || !reference.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return Result<JsonObject>.NotFound();
        }

        var events = await index.OfCallAsync(reference, time.GetUtcNow(), cancellationToken);
        var releases = await builder.BuildAsync(events, cancellationToken);
        if (releases.Count == 0)
        {
            return Result<JsonObject>.NotFound();
        }

        var record = new JsonObject
        {
            ["ocid"] = builder.Ocid(reference),
            ["releases"] = new JsonArray([.. releases]),
            ["compiledRelease"] = OcdsReleaseBuilder.Compiled(releases[^1]),
        };
        return new JsonObject
        {
            ["uri"] = links.Api("/api/ocds/records/" + Uri.EscapeDataString(query.Ocid)),
            ["version"] = "1.1",
            ["publishedDate"] = OcdsReleaseBuilder.Date(events.Max(e => e.At)),
            ["publisher"] = builder.Publisher(),
            ["records"] = new JsonArray(record),
        };
    }
}
