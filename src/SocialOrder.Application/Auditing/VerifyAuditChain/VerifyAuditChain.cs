using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Auditing;

namespace SocialOrder.Application.Auditing.VerifyAuditChain;

/// <summary>The first event whose hash or link to its predecessor does not match, or null when the chain is intact.</summary>
public sealed record AuditChainReport(long Checked, long? FirstBrokenId);

public sealed record VerifyAuditChainQuery : IQuery<AuditChainReport>;

public sealed class VerifyAuditChainQueryHandler(IAppDbContext db) : IQueryHandler<VerifyAuditChainQuery, AuditChainReport>
{
    private const int Batch = 2000;

    public async ValueTask<AuditChainReport> Handle(VerifyAuditChainQuery query, CancellationToken cancellationToken)
    {
        var previous = AuditEvent.GenesisHash;
        long lastId = 0;
        long count = 0;
        while (true)
        {
            var batch = await db.AuditEvents.AsNoTracking()
                .Where(e => e.Id > lastId)
                .OrderBy(e => e.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            foreach (var e in batch)
            {
                count++;
                if (e.PreviousHash != previous || !e.HashMatches())
                {
                    return new AuditChainReport(count, e.Id);
                }

                previous = e.Hash;
                lastId = e.Id;
            }

            if (batch.Count < Batch)
            {
                return new AuditChainReport(count, null);
            }
        }
    }
}
