using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;

namespace SocialOrder.Infrastructure.Persistence;

/// <summary>
/// Gap-free numbers from one counter row per prefix and year, incremented atomically by an upsert; numbers with gaps
/// from a sequence per prefix and year, created on demand by the function <c>next_reference_number</c> (ADR 30).
/// </summary>
public sealed class ReferenceNumbers(AppDbContext db) : IReferenceNumbers
{
    public async Task<string> NextAsync(string prefix, int year, CancellationToken cancellationToken)
    {
        var next = await db.Database.SqlQuery<int>(
            $"""
            INSERT INTO reference_counters (prefix, year, last_value) VALUES ({prefix}, {year}, 1)
            ON CONFLICT (prefix, year) DO UPDATE SET last_value = reference_counters.last_value + 1
            RETURNING last_value AS "Value"
            """).ToListAsync(cancellationToken);
        return $"{prefix}-{year}-{next[0]:0000}";
    }

    public async Task<string> NextFromSequenceAsync(string prefix, int year, CancellationToken cancellationToken)
    {
        var next = await db.Database.SqlQuery<long>($"SELECT next_reference_number({prefix}, {year}) AS \"Value\"").ToListAsync(cancellationToken);
        return $"{prefix}-{year}-{next[0]:0000}";
    }
}
