using System.Text.Json.Nodes;
using FluentValidation;
using Mediator;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.OpenData.GetReleasePackage;

/// <summary>A page of releases of every published call, oldest first; the parameters as the visitor typed them.</summary>
public sealed record GetReleasePackageQuery(string? Since, string? Until, string? Body, string? Cursor, string? Limit) : IQuery<Result<JsonObject>>;

public sealed class GetReleasePackageQueryValidator : AbstractValidator<GetReleasePackageQuery>
{
    public GetReleasePackageQueryValidator()
    {
        RuleFor(q => q.Since).Must(s => OcdsQueryParameters.TryParseDate(s, false, out _)).WithErrorCode("OpenData.InvalidDate");
        RuleFor(q => q.Until).Must(s => OcdsQueryParameters.TryParseDate(s, true, out _)).WithErrorCode("OpenData.InvalidDate");
        RuleFor(q => q.Body).Must(b => OcdsQueryParameters.TryParseBody(b, out _)).WithErrorCode("OpenData.InvalidBody");
        RuleFor(q => q.Cursor).Must(c => OcdsQueryParameters.TryParseCursor(c, out _)).WithErrorCode("OpenData.InvalidCursor");
        RuleFor(q => q.Limit).Must(l => OcdsQueryParameters.TryParseLimit(l, out _)).WithErrorCode("OpenData.InvalidLimit");
        RuleFor(q => q).Must(q =>
                !OcdsQueryParameters.TryParseDate(q.Since, false, out var since) || !OcdsQueryParameters.TryParseDate(q.Until, true, out var until)
                || since is null || until is null || since < until)
            .OverridePropertyName("Until").WithErrorCode("OpenData.UntilBeforeSince");
    }
}

public sealed class GetReleasePackageQueryHandler(IOcdsEventIndex index, OcdsReleaseBuilder builder, IOcdsLinks links, TimeProvider time)
    : IQueryHandler<GetReleasePackageQuery, Result<JsonObject>>
{
    public const string Path = "/api/ocds/releases";

    public async ValueTask<Result<JsonObject>> Handle(GetReleasePackageQuery query, CancellationToken cancellationToken)
    {
        // The validator has refused anything unreadable; this only reads the values again.
        if (!OcdsQueryParameters.TryParseDate(query.Since, false, out var since)
            || !OcdsQueryParameters.TryParseDate(query.Until, true, out var until)
            || !OcdsQueryParameters.TryParseBody(query.Body, out var bin)
            || !OcdsQueryParameters.TryParseCursor(query.Cursor, out var cursor)
            || !OcdsQueryParameters.TryParseLimit(query.Limit, out var limit))
        {
            return Result<JsonObject>.Invalid("Validation.Invalid");
        }

        var now = time.GetUtcNow();

        var events = await index.PageAsync(new OcdsEventFilter(since, until, bin), cursor, limit + 1, now, cancellationToken);
        var page = events.Take(limit).ToList();
        var releases = await builder.BuildAsync(page, cancellationToken);
        var latest = page.Count > 0 ? page.Max(e => e.At) : new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var package = new JsonObject
        {
            ["uri"] = links.Api(Path + QueryString(query.Since, query.Until, query.Body, query.Limit, query.Cursor)),
            ["version"] = "1.1",
            ["publishedDate"] = OcdsReleaseBuilder.Date(latest),
            ["publisher"] = builder.Publisher(),
            ["releases"] = new JsonArray([.. releases]),
        };
        if (events.Count > limit)
        {
            package["links"] = new JsonObject
            {
                ["next"] = links.Api(Path + QueryString(query.Since, query.Until, query.Body, query.Limit, OcdsQueryParameters.EncodeCursor(page[^1]))),
            };
        }

        return package;
    }

    private static string QueryString(string? since, string? until, string? body, string? limit, string? cursor)
    {
        var parts = new (string Name, string? Value)[] { ("since", since), ("until", until), ("body", body), ("limit", limit), ("cursor", cursor) }
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!))
            .ToList();
        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }
}
