using System.Text;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using SocialOrder.Application.Calls.Catalogue;
using SocialOrder.Application.Common.Models;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Persistence.Configurations;

namespace SocialOrder.Infrastructure.Persistence;

/// <summary>
/// The public catalogue on PostgreSQL: full-text search over the stored <c>search_vector</c> (GIN index), filters that
/// match the (column, status) indexes, and one projection with the state body joined, so a page is two queries.
/// </summary>
public sealed class CallCatalogue(AppDbContext db) : ICallCatalogue
{
    private const int MaxSearchWords = 8;
    private const int MaxWordLength = 40;

    public async Task<PagedList<CatalogueRow>> SearchAsync(
        GetCallCatalogueQuery query, DateTimeOffset now, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var calls = Filter(db.Calls.AsNoTracking().Where(c => c.Status != CallStatus.Draft), query, now);
        if (PrefixQuery(query.Search) is null)
        {
            // Always true of a public call; it lets the page use the partial index ix_calls_published_at_id (which a
            // full-text search must not, see CallConfiguration).
            calls = calls.Where(c => c.PublishedAt != null);
        }

        // The planner prices "search_vector @@ query" on a sequential scan as if each vector were at hand, but every
        // one must be read back from TOAST and decompressed: a broad search then costs tens of times the GIN index's
        // bitmap scan (docs/benchmarks/catalogue.md). So, for full-text searches only, sequential scans are ruled
        // out for the span of one short transaction that only reads.
        await using var transaction = PrefixQuery(query.Search) is null ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        if (transaction is not null)
        {
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off", cancellationToken);
        }

        // Counted only as far as the page needs: beyond GetCallCatalogueQuery.CountCap the page says "more than 1,000"
        // (a broad search would otherwise read every match a second time just to count it).
        var countLimit = GetCallCatalogueQuery.CountLimit(page, pageSize);
        var total = await calls.Take(countLimit).CountAsync(cancellationToken);

        // Plain columns only: a projection through a constructor would make EF read whole rows (descriptions, jsonb).
        var rows = await (from c in Sort(calls, query.Sort, now)
                          join b in db.StateBodies on c.StateBodyId equals b.Id
                          select new
                          {
                              c.Id,
                              c.ReferenceNumber,
                              TitleKk = c.Title.Kk,
                              TitleRu = c.Title.Ru,
                              TitleEn = c.Title.En,
                              BodyKk = b.Name.Kk,
                              BodyRu = b.Name.Ru,
                              BodyEn = b.Name.En,
                              c.RegionId,
                              c.PriorityAreaId,
                              c.Instrument,
                              c.Term,
                              c.Budget,
                              c.OpensAt,
                              c.ClosesAt,
                              c.Status,
                          })
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new CatalogueRow(
            r.Id, r.ReferenceNumber, new LocalizedText(r.TitleKk, r.TitleRu, r.TitleEn), new LocalizedText(r.BodyKk, r.BodyRu, r.BodyEn),
            r.RegionId, r.PriorityAreaId, r.Instrument, r.Term, r.Budget, r.OpensAt, r.ClosesAt, r.Status)).ToList();
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new PagedList<CatalogueRow>(items, page, pageSize, total);
    }

    /// <summary>
    /// "word1:* &amp; word2:*" from the letters and digits of what the visitor typed, or null when nothing is left.
    /// Kazakh has no stemmer in PostgreSQL, so a prefix match on the 'simple' words is the next best thing; and
    /// nothing the visitor types can reach to_tsquery's own syntax.
    /// </summary>
    public static string? PrefixQuery(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return null;
        }

        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var ch in search.Trim().ToLowerInvariant().Append(' '))
        {
            if (char.IsLetterOrDigit(ch))
            {
                word.Append(ch);
                continue;
            }

            if (word.Length > 0)
            {
                var w = word.ToString();
                words.Add(w.Length > MaxWordLength ? w[..MaxWordLength] : w);
                word.Clear();
            }
        }

        var distinct = words.Distinct(StringComparer.Ordinal).Take(MaxSearchWords).ToList();
        return distinct.Count == 0 ? null : string.Join(" & ", distinct.Select(w => w + ":*"));
    }

    private static IQueryable<Domain.Calls.Call> Filter(IQueryable<Domain.Calls.Call> calls, GetCallCatalogueQuery query, DateTimeOffset now)
    {
        if (PrefixQuery(query.Search) is { } prefix)
        {
            var text = query.Search!.Trim();
            calls = calls.Where(c => EF.Property<NpgsqlTsVector>(c, CallConfiguration.SearchVector).Matches(
                EF.Functions.ToTsQuery("simple", prefix).Or(EF.Functions.WebSearchToTsQuery("russian", text))));
        }

        if (query.Region == GetCallCatalogueQuery.NationwideRegion)
        {
            calls = calls.Where(c => c.RegionId == null);
        }
        else if (query.Region is { } r)
        {
            var region = new RegionId(r);
            calls = calls.Where(c => c.RegionId == region);
        }

        if (query.Area is { } a)
        {
            var area = new PriorityAreaId(a);
            calls = calls.Where(c => c.PriorityAreaId == area);
        }

        if (query.Instrument is { } instrument)
        {
            calls = calls.Where(c => c.Instrument == instrument);
        }

        if (query.Term is { } term)
        {
            calls = calls.Where(c => c.Term == term);
        }

        if (query.MinBudget is { } min)
        {
            calls = calls.Where(c => c.Budget >= min);
        }

        if (query.MaxBudget is { } max)
        {
            calls = calls.Where(c => c.Budget <= max);
        }

        // The same boundaries as Call.PhaseAt: open from the opening instant, closed from the closing instant.
        return query.Status switch
        {
            null => calls,
            CallPhase.Upcoming => calls.Where(c => c.Status == CallStatus.Published && c.OpensAt > now),
            CallPhase.Open => calls.Where(c => c.Status == CallStatus.Published && c.OpensAt <= now && c.ClosesAt > now),
            CallPhase.Closed => calls.Where(c => c.Status == CallStatus.Published && c.ClosesAt <= now),
            CallPhase.Awarded => calls.Where(c => c.Status == CallStatus.Awarded),
            CallPhase.Cancelled => calls.Where(c => c.Status == CallStatus.Cancelled),
            _ => calls.Where(c => false),
        };
    }

    private static IOrderedQueryable<Domain.Calls.Call> Sort(IQueryable<Domain.Calls.Call> calls, CatalogueSort sort, DateTimeOffset now) => sort switch
    {
        // Calls still accepting (or about to accept) bids, soonest deadline first; then the rest, latest deadline first.
        CatalogueSort.Deadline => calls
            .OrderBy(c => c.Status == CallStatus.Published && c.ClosesAt > now ? 0 : 1)
            .ThenBy(c => c.Status == CallStatus.Published && c.ClosesAt > now ? c.ClosesAt : null)
            .ThenByDescending(c => c.ClosesAt)
            .ThenBy(c => c.Id),
        CatalogueSort.Budget => calls.OrderByDescending(c => c.Budget).ThenBy(c => c.Id),
        _ => calls.OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Id),
    };
}
