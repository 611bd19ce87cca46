using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SocialOrder.Application.OpenData;
using SocialOrder.Infrastructure.Persistence;

namespace SocialOrder.Infrastructure.OpenData;

/// <summary>
/// Every public event of every published call in one UNION ALL over calls (publication, deadline, cancellation), their
/// amendments (jsonb), answered questions and locked decisions; ordered by (date, call, kind, key) and paged by keyset,
/// so a page costs one query whatever its depth. Drafts (never published) have no events at all.
/// </summary>
public sealed class OcdsEventIndex(AppDbContext db) : IOcdsEventIndex
{
    private const string Events = """
        WITH visible AS (
            SELECT c.id, c.reference_number, c.status, c.published_at, c.cancelled_at, c.closes_at, c.amendments
            FROM calls c
            WHERE c.published_at IS NOT NULL AND c.status <> 'Draft'
              AND (@bin::text IS NULL OR c.state_body_id IN (SELECT b.id FROM state_bodies b WHERE b.bin = @bin::text))
              AND (@reference::text IS NULL OR c.reference_number = @reference::text)
        ), events AS (
            SELECT v.id AS call_id, v.reference_number, 'tender' AS kind, '' AS key, v.published_at AS at FROM visible v
            UNION ALL
            SELECT v.id, v.reference_number, 'amendment', a ->> 'number', (a ->> 'at')::timestamptz
            FROM visible v CROSS JOIN LATERAL jsonb_array_elements(v.amendments) a
            UNION ALL
            SELECT v.id, v.reference_number, 'enquiry', replace(q.id::text, '-', ''), q.answered_at
            FROM visible v JOIN clarifications q ON q.call_id = v.id
            WHERE q.answered_at IS NOT NULL AND q.answer IS NOT NULL
            UNION ALL
            SELECT v.id, v.reference_number, 'bids', '', v.closes_at FROM visible v
            WHERE v.closes_at IS NOT NULL AND (v.cancelled_at IS NULL OR v.cancelled_at > v.closes_at)
            UNION ALL
            SELECT v.id, v.reference_number, 'award', '', d.locked_at
            FROM visible v JOIN award_decisions d ON d.call_id = v.id
            WHERE d.status = 'Locked' AND d.locked_at IS NOT NULL
            UNION ALL
            SELECT v.id, v.reference_number, 'cancellation', '', v.cancelled_at FROM visible v
            WHERE v.status = 'Cancelled' AND v.cancelled_at IS NOT NULL
        )
        SELECT call_id, reference_number, kind, key, at FROM events
        WHERE at <= @now
          AND (@since::timestamptz IS NULL OR at >= @since::timestamptz)
          AND (@until::timestamptz IS NULL OR at < @until::timestamptz)
          AND (@after_at::timestamptz IS NULL
               OR (at, call_id, kind COLLATE "C", key COLLATE "C") > (@after_at::timestamptz, @after_call, @after_kind COLLATE "C", @after_key COLLATE "C"))
        ORDER BY at, call_id, kind COLLATE "C", key COLLATE "C"
        LIMIT @limit
        """;

    public Task<IReadOnlyList<OcdsEvent>> PageAsync(OcdsEventFilter filter, OcdsCursor? after, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return QueryAsync(filter.BodyBin, null, filter.Since, filter.Until, after, limit, now, cancellationToken);
    }

    public Task<IReadOnlyList<OcdsEvent>> OfCallAsync(string reference, DateTimeOffset now, CancellationToken cancellationToken) =>
        QueryAsync(null, reference, null, null, null, 10_000, now, cancellationToken);

    private async Task<IReadOnlyList<OcdsEvent>> QueryAsync(
        string? bin, string? reference, DateTimeOffset? since, DateTimeOffset? until, OcdsCursor? after, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Events;
            Add(command, "bin", NpgsqlDbType.Text, bin);
            Add(command, "reference", NpgsqlDbType.Text, reference);
            Add(command, "now", NpgsqlDbType.TimestampTz, now.ToUniversalTime());
            Add(command, "since", NpgsqlDbType.TimestampTz, since?.ToUniversalTime());
            Add(command, "until", NpgsqlDbType.TimestampTz, until?.ToUniversalTime());
            Add(command, "after_at", NpgsqlDbType.TimestampTz, after?.At.ToUniversalTime());
            Add(command, "after_call", NpgsqlDbType.Uuid, after?.CallId ?? Guid.Empty);
            Add(command, "after_kind", NpgsqlDbType.Text, after?.Kind ?? string.Empty);
            Add(command, "after_key", NpgsqlDbType.Text, after?.Key ?? string.Empty);
            Add(command, "limit", NpgsqlDbType.Integer, limit);
            var events = new List<OcdsEvent>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                events.Add(new OcdsEvent(
                    reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    new DateTimeOffset(reader.GetFieldValue<DateTime>(4), TimeSpan.Zero)));
            }

            return events;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static void Add(DbCommand command, string name, NpgsqlDbType type, object? value) =>
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
}
