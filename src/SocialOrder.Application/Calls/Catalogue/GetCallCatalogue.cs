using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Calls.Catalogue;

public enum CatalogueSort
{
    Newest,
    Deadline,
    Budget,
}

/// <summary>
/// The public list of calls (never drafts). <see cref="Region"/> 0 means nationwide calls only; <see cref="Status"/>
/// is the phase a visitor sees, derived from the status and the portal's clock.
/// </summary>
public sealed record GetCallCatalogueQuery(
    string? Search = null,
    int? Region = null,
    int? Area = null,
    Instrument? Instrument = null,
    CallTerm? Term = null,
    CallPhase? Status = null,
    decimal? MinBudget = null,
    decimal? MaxBudget = null,
    CatalogueSort Sort = CatalogueSort.Newest,
    int Page = 1) : IQuery<Result<CataloguePage>>
{
    public const int NationwideRegion = 0;
    public const int PageSize = Paging.DefaultPageSize;
    public const int MaxSearchLength = 200;

    /// <summary>Matches are counted exactly up to this many; beyond it the page says "more than 1,000".</summary>
    public const int CountCap = 1000;

    /// <summary>How many matches a page counts at most: one more than the cap (or than the rows up to this page).</summary>
    public static int CountLimit(int page, int pageSize) => Math.Max(CountCap, page * pageSize) + 1;
}

public sealed class GetCallCatalogueQueryValidator : AbstractValidator<GetCallCatalogueQuery>
{
    public GetCallCatalogueQueryValidator()
    {
        RuleFor(q => q.Search).MaximumLength(GetCallCatalogueQuery.MaxSearchLength);
        RuleFor(q => q.Status).Must(s => s is null || CallPhases.Public.Contains(s.Value)).WithErrorCode("Validation.EnumValidator");
        RuleFor(q => q.Instrument).IsInEnum();
        RuleFor(q => q.Term).IsInEnum();
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.MinBudget).GreaterThanOrEqualTo(0m);
        RuleFor(q => q.MaxBudget).GreaterThanOrEqualTo(0m);
        RuleFor(q => q.MaxBudget)
            .Must((q, max) => q.MinBudget is not { } min || max is not { } m || m >= min)
            .WithErrorCode("Catalogue.BudgetRangeInverted");
    }
}

/// <summary>One row of the catalogue, as stored; names of regions and areas are resolved by the handler.</summary>
public sealed record CatalogueRow(
    CallId Id,
    string ReferenceNumber,
    LocalizedText Title,
    LocalizedText StateBody,
    RegionId? RegionId,
    PriorityAreaId? PriorityAreaId,
    Instrument Instrument,
    CallTerm Term,
    decimal Budget,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    CallStatus Status);

public sealed record CatalogueItem(
    Guid Id,
    string ReferenceNumber,
    LocalizedText Title,
    LocalizedText StateBody,
    LocalizedText? Region,
    LocalizedText? PriorityArea,
    Instrument Instrument,
    CallTerm Term,
    decimal Budget,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    CallPhase Phase);

/// <summary>
/// A page of the catalogue. When <see cref="CountIsCapped"/>, there are more than <see cref="CountShown"/> matches and
/// <c>Results.TotalCount</c> is only a lower bound (enough to offer the next page). <see cref="NextPhaseChangeAt"/> is the
/// next instant any public call opens or closes, after which a stored copy of the page is out of date.
/// </summary>
public sealed record CataloguePage(
    PagedList<CatalogueItem> Results,
    IReadOnlyList<ReferenceItem> Regions,
    IReadOnlyList<ReferenceItem> PriorityAreas,
    DateTimeOffset Now,
    bool CountIsCapped = false,
    int CountShown = 0,
    DateTimeOffset? NextPhaseChangeAt = null);

/// <summary>The catalogue search; full-text search is database-specific, so it lives in Infrastructure.</summary>
public interface ICallCatalogue
{
    Task<PagedList<CatalogueRow>> SearchAsync(GetCallCatalogueQuery query, DateTimeOffset now, int page, int pageSize, CancellationToken cancellationToken);
}

public sealed class GetCallCatalogueQueryHandler(ICallCatalogue catalogue, IAppDbContext db, TimeProvider time)
    : IQueryHandler<GetCallCatalogueQuery, Result<CataloguePage>>
{
    public async ValueTask<Result<CataloguePage>> Handle(GetCallCatalogueQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (page, size) = Paging.Normalize(query.Page, GetCallCatalogueQuery.PageSize);
        var rows = await catalogue.SearchAsync(query, now, page, size, cancellationToken);

        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code)
            .Select(r => new { r.Id, r.Code, r.Name }).ToListAsync(cancellationToken);
        var areas = await db.PriorityAreas.AsNoTracking().OrderBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Name }).ToListAsync(cancellationToken);
        var regionNames = regions.ToDictionary(r => r.Id, r => r.Name);
        var areaNames = areas.ToDictionary(a => a.Id, a => a.Name);

        var items = rows.Items.Select(r => new CatalogueItem(
            r.Id.Value,
            r.ReferenceNumber,
            r.Title,
            r.StateBody,
            r.RegionId is { } region ? regionNames.GetValueOrDefault(region) : null,
            r.PriorityAreaId is { } area ? areaNames.GetValueOrDefault(area) : null,
            r.Instrument,
            r.Term,
            r.Budget,
            r.OpensAt,
            r.ClosesAt,
            CallPhases.Of(r.Status, r.OpensAt, r.ClosesAt, now))).ToList();

        // Both read through the (status, opens_at) and (status, closes_at) indexes: two index probes.
        var nextOpening = await db.Calls.AsNoTracking().Where(c => c.Status == CallStatus.Published && c.OpensAt > now).MinAsync(c => c.OpensAt, cancellationToken);
        var nextClosing = await db.Calls.AsNoTracking().Where(c => c.Status == CallStatus.Published && c.ClosesAt > now).MinAsync(c => c.ClosesAt, cancellationToken);
        DateTimeOffset? nextChange = nextOpening is { } o && (nextClosing is not { } cl || o < cl) ? o : nextClosing;

        var shown = GetCallCatalogueQuery.CountLimit(page, size) - 1;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return new CataloguePage(
            new PagedList<CatalogueItem>(items, rows.Page, rows.PageSize, rows.TotalCount),
            regions.Select(r => new ReferenceItem(r.Id.Value.ToString(invariant), r.Code, r.Name)).ToList(),
            areas.Select(a => new ReferenceItem(a.Id.Value.ToString(invariant), a.Code, a.Name)).ToList(),
            now,
            rows.TotalCount > shown,
            rows.TotalCount > shown ? shown : rows.TotalCount,
            nextChange);
    }
}
