using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialOrder.Domain.Auditing;
using SocialOrder.Infrastructure.Persistence;

namespace SocialOrder.Infrastructure.Auditing;

/// <summary>Bound from <c>AuditSealer</c>: how often and how many unsealed audit events are linked into the chain.</summary>
public sealed class AuditSealerOptions
{
    public const string Section = "AuditSealer";

    /// <summary>Pause between sealing rounds; a round seals batch after batch until nothing is left.</summary>
    public int IntervalMilliseconds { get; set; } = 1000;

    /// <summary>Events sealed in one transaction.</summary>
    public int BatchSize { get; set; } = 1000;
}

/// <summary>
/// Links unsealed audit events into the hash chain (ADR 30). Writers only insert; this service, on every node, takes
/// a transaction-scoped advisory lock so one sealer at a time across nodes reads the chain's tail and the oldest
/// unsealed events (by insertion id), gives each the next chain sequence number and its hash, and commits the batch
/// as one transaction. Killed or cancelled mid-batch, the transaction rolls back and the batch stays unsealed for the
/// next round. The chain sequence is assigned at sealing, not taken from the insertion id, so an event whose insert
/// commits late (a lower id after a higher one) is never skipped: it is simply sealed in a later batch.
/// </summary>
public sealed partial class AuditSealer(
    IServiceScopeFactory scopes, IOptions<AuditSealerOptions> options, TimeProvider time, ILogger<AuditSealer> logger) : BackgroundService
{
    private const long SealerLockKey = 7_420_003;

    /// <summary>
    /// Seals one batch: the number of events sealed, or null when another sealer holds the lock (unless
    /// <paramref name="wait"/>, which waits for it).
    /// </summary>
    public async Task<int?> SealBatchAsync(CancellationToken cancellationToken, bool wait = false)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (wait)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SealerLockKey})", cancellationToken);
        }
        else if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({SealerLockKey}) AS \"Value\"").SingleAsync(cancellationToken))
        {
            return null;
        }

        var batch = await db.AuditEvents
            .Where(e => e.Sequence == null)
            .OrderBy(e => e.Id)
            .Take(Math.Max(1, options.Value.BatchSize))
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var tail = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Sequence != null)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { Sequence = e.Sequence!.Value, Hash = e.Hash! })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = tail?.Sequence ?? 0;
        var previous = tail?.Hash ?? AuditEvent.GenesisHash;
        var now = time.GetUtcNow();
        foreach (var e in batch)
        {
            e.Seal(++sequence, previous, now);
            previous = e.Hash!;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSealed(logger, batch.Count, sequence);
        return batch.Count;
    }

    /// <summary>Seals until no committed event is left unsealed, waiting for another sealer if one is at work.</summary>
    public async Task<int> SealAllAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (await SealBatchAsync(cancellationToken, wait: true) is int count && count > 0)
        {
            total += count;
        }

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(50, options.Value.IntervalMilliseconds));
        var size = Math.Max(1, options.Value.BatchSize);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stoppingToken);
                while (await SealBatchAsync(stoppingToken) is int count && count >= size)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSealFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sealed {Count} audit events up to #{Sequence}")]
    private static partial void LogSealed(ILogger logger, int count, long sequence);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sealing audit events failed; the batch stays unsealed and is retried")]
    private static partial void LogSealFailed(ILogger logger, Exception ex);
}
