using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Auditing;
using SocialOrder.Domain.Auditing;
using SocialOrder.Infrastructure.Persistence;

namespace SocialOrder.Infrastructure.Auditing;

/// <summary>Bound from <c>AuditHeads</c>: how often the chain's head is published.</summary>
public sealed class AuditHeadOptions
{
    public const string Section = "AuditHeads";

    /// <summary>A new head is published when the chain has moved and the last head is at least this old.</summary>
    public int IntervalMinutes { get; set; } = 60;
}

/// <summary>
/// Publishes the audit chain's head (sequence number and hash) every interval while the chain moves, and at least once a
/// day while it does not. Every node runs it; a transaction-scoped advisory lock lets one node at a time look, and the
/// check of the last head inside that lock means one head per interval, whichever node wins.
/// </summary>
public sealed partial class AuditHeadPublisher(
    IServiceScopeFactory scopes, IOptions<AuditHeadOptions> options, TimeProvider time, ILogger<AuditHeadPublisher> logger) : BackgroundService
{
    private const long PublisherLockKey = 7_420_002;
    private static readonly TimeSpan Daily = TimeSpan.FromDays(1);

    /// <summary>The head published now, or null when it was not due, the chain is empty, or another node is at it.</summary>
    public async Task<AuditHead?> PublishIfDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({PublisherLockKey}) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!claimed)
        {
            return null;
        }

        var head = await AuditChainHeads.CurrentAsync(db, cancellationToken);
        if (head is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var last = await db.AuditHeads.AsNoTracking().OrderByDescending(h => h.Id).FirstOrDefaultAsync(cancellationToken);
        var interval = TimeSpan.FromMinutes(Math.Max(1, options.Value.IntervalMinutes));
        if (last is not null && (now - last.PublishedAt < interval || (last.Sequence == head.Sequence && now - last.PublishedAt < Daily)))
        {
            return null;
        }

        var published = AuditHead.Publish(head.Sequence, head.Hash, now);
        db.AuditHeads.Add(published);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogPublished(logger, published.Sequence, published.Hash);
        return published;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Checked every few minutes (or more often for a short interval); the database decides whether a head is due.
        var period = TimeSpan.FromMinutes(Math.Clamp(options.Value.IntervalMinutes / 4.0, 1, 5));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, stoppingToken);
                await PublishIfDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPublishFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published audit chain head #{Sequence} {Hash}")]
    private static partial void LogPublished(ILogger logger, long sequence, string hash);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing the audit chain head failed; retrying")]
    private static partial void LogPublishFailed(ILogger logger, Exception ex);
}
