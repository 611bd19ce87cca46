using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using SocialOrder.Application.Common.Interfaces;

namespace SocialOrder.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "SocialOrder <no-reply@socialorder.local>";

    /// <summary>Where the development outbox writes messages; used when no SMTP host is set.</summary>
    public string OutboxPath { get; set; } = string.Empty;

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    public bool SmtpStartTls { get; set; } = true;
}

public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var o = options.Value;
        using var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(o.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { HtmlBody = message.HtmlBody }.ToMessageBody();
        using var client = new SmtpClient();
        await client.ConnectAsync(o.SmtpHost!, o.SmtpPort, o.SmtpStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(o.SmtpUser))
        {
            await client.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

public sealed record OutboxMessage(string Id, DateTimeOffset SentAt, string To, string Subject, string HtmlBody);

/// <summary>Development e-mail: each message is a JSON file that the dev-only outbox page lists.</summary>
public sealed class OutboxEmailSender(IOptions<EmailOptions> options, TimeProvider time) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var folder = options.Value.OutboxPath;
        Directory.CreateDirectory(folder);
        var now = time.GetUtcNow();
        var id = $"{now:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}";
        var stored = new OutboxMessage(id, now, message.To, message.Subject, message.HtmlBody);
        await File.WriteAllTextAsync(Path.Combine(folder, id + ".json"), JsonSerializer.Serialize(stored), cancellationToken);
    }

    public static IReadOnlyList<OutboxMessage> ReadAll(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*.json")
            .Select(f => JsonSerializer.Deserialize<OutboxMessage>(File.ReadAllText(f))!)
            .OrderByDescending(m => m.Id, StringComparer.Ordinal)
            .ToList();
    }
}
