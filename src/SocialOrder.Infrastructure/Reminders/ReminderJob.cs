using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Reminders;
using SocialOrder.Domain.Common;
using SocialOrder.Infrastructure.Persistence;

namespace SocialOrder.Infrastructure.Reminders;

/// <summary>Bound from <c>Reminders</c>.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>How often every node looks for due reminders.</summary>
    public int IntervalMinutes { get; set; } = 15;
}

/// <summary>
/// Sends the reminders that are due (report due in 7 days, due today, overdue; an unanswered corrective action near its due
/// date) exactly once, however many nodes run it: each run holds a transaction-scoped advisory lock (one node at a time),
/// and each reminder's row in <c>sent_reminders</c> (unique by kind, agreement and item) is inserted in the transaction that
/// puts its e-mails in the outbox. A second run finds the rows and sends nothing; a node that lost the lock skips the round.
/// </summary>
public sealed partial class ReminderJob(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider time, ILogger<ReminderJob> logger) : BackgroundService
{
    private const long ReminderLockKey = 7_420_025;

    /// <summary>How many reminders this run queued (0 when another node holds the lock).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({ReminderLockKey}) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!claimed)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(KazakhstanTime.ToLocal(now).Date);
        var due = await ReminderSending.DueAsync(db, today, cancellationToken);
        var queued = await ReminderSending.QueueNewAsync(
            db, scope.ServiceProvider.GetRequiredService<IEmailQueue>(), scope.ServiceProvider.GetRequiredService<IPortalLinks>(), due, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (queued > 0)
        {
            scope.ServiceProvider.GetRequiredService<Email.EmailSignal>().Raise();
            LogQueued(logger, queued);
        }

        return queued;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromMinutes(Math.Max(1, options.Value.IntervalMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} reminder(s)")]
    private static partial void LogQueued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The reminder job failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
