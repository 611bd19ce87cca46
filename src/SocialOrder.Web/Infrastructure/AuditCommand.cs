using Mediator;
using SocialOrder.Application.Auditing.VerifyAuditChain;

namespace SocialOrder.Web.Infrastructure;

/// <summary>
/// <c>--verify-audit</c>: walks the whole sealed audit chain (ADR 30), checks every published head against it, prints the verdict and
/// exits 0 when both hold, 1 when either does not (for cron or a monitoring check).
/// </summary>
public static class AuditCommand
{
    public static async Task<int?> VerifyIfRequestedAsync(WebApplication app, string[] args)
    {
        if (!args.Contains("--verify-audit"))
        {
            return null;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new VerifyAuditChainQuery());
        var text = report switch
        {
            { FirstBrokenId: { } broken } => $"BROKEN: the audit chain is broken at event {broken} ({report.Checked} events read).",
            { FirstMismatchedHeadSequence: { } head } => $"BROKEN: published head #{head} does not match the chain: events up to it were rewritten or removed.",
            _ => $"OK: {report.Checked} sealed events form an intact chain; {report.HeadsChecked} published heads match it.",
        };
        if (report.Unsealed > 0)
        {
            text += $" {report.Unsealed} events are not sealed yet (the sealer links them within a second or two of a running portal).";
        }

        await (report.Intact ? Console.Out : Console.Error).WriteLineAsync(text);
        return report.Intact ? 0 : 1;
    }
}
