using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Infrastructure.Persistence;

namespace SocialOrder.Infrastructure.Email;

/// <summary>A row of the transactional outbox: written with the change it announces, sent after the commit.</summary>
public sealed class OutgoingEmail
{
    public long Id { get; set; }

    public string To { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string HtmlBody { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

public sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> builder)
    {
        builder.ToTable("outgoing_emails");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.To).HasMaxLength(256);
        builder.Property(e => e.Subject).HasMaxLength(500);
        builder.Property(e => e.LastError).HasMaxLength(2000);
        builder.HasIndex(e => e.Id).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outgoing_emails_pending");
    }
}

public sealed class EmailQueue(AppDbContext db, TimeProvider time) : IEmailQueue
{
    public void Enqueue(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        db.Set<OutgoingEmail>().Add(new OutgoingEmail
        {
            To = message.To,
            Subject = message.Subject,
            HtmlBody = message.HtmlBody,
            CreatedAt = time.GetUtcNow(),
        });
    }
}

/// <summary>Wakes the dispatcher when a commit has queued e-mail, so nobody waits for the next poll.</summary>
public sealed class EmailSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    public void Dispose() => _signal.Dispose();

    public void Raise() => _signal.Release();

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>Sends queued e-mail; several portal nodes may run it at once (rows are claimed with SKIP LOCKED).</summary>
public sealed partial class EmailDispatcher(IServiceScopeFactory scopes, EmailSignal signal, ILogger<EmailDispatcher> logger) : BackgroundService
{
    private const int MaxAttempts = 5;

    public async Task<int> SendPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<IEmailSender>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.Set<OutgoingEmail>()
            .FromSqlRaw("SELECT * FROM outgoing_emails WHERE sent_at IS NULL AND attempts < {0} ORDER BY id LIMIT 50 FOR UPDATE SKIP LOCKED", MaxAttempts)
            .ToListAsync(cancellationToken);
        foreach (var email in batch)
        {
            try
            {
                await sender.SendAsync(new EmailMessage(email.To, email.Subject, email.HtmlBody), cancellationToken);
                email.SentAt = time.GetUtcNow();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                email.Attempts++;
                email.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                LogSendFailed(logger, email.Id, ex);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(15), stoppingToken);
                while (await SendPendingAsync(stoppingToken) > 0)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDispatchFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending queued e-mail {Id} failed")]
    private static partial void LogSendFailed(ILogger logger, long id, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "The e-mail dispatcher failed; retrying")]
    private static partial void LogDispatchFailed(ILogger logger, Exception ex);
}
