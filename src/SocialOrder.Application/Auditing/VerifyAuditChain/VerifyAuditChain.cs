using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Auditing;

namespace SocialOrder.Application.Auditing.VerifyAuditChain;

/// <summary>
/// The first event whose hash or link to its predecessor does not match (null when the chain is intact), and the first
/// published head the chain no longer agrees with: its event's hash differs from the published one, or the event is gone.
/// A head catches a rewrite that recomputed every hash after the edited event, which the chain alone cannot.
/// </summary>
public sealed record AuditChainReport(long Checked, long? FirstBrokenId, int HeadsChecked = 0, long? FirstMismatchedHeadSequence = null)
{
    public bool Intact => FirstBrokenId is null && FirstMismatchedHeadSequence is null;
}

public sealed record VerifyAuditChainQuery : IQuery<AuditChainReport>;

public sealed class VerifyAuditChainQueryHandler(IAppDbContext db) : IQueryHandler<VerifyAuditChainQuery, AuditChainReport>
{
    private const int Batch = 2000;

    public async ValueTask<AuditChainReport> Handle(VerifyAuditChainQuery query, CancellationToken cancellationToken)
    {
        // Heads are few (one a day or an hour); the chain is walked in batches and each head checked as its event passes.
        var heads = await db.AuditHeads.AsNoTracking()
            .OrderBy(h => h.Sequence).ThenBy(h => h.Id)
            .Select(h => new { h.Sequence, h.Hash })
            .ToListAsync(cancellationToken);
        var nextHead = 0;
        long? mismatchedHead = null;
        void CheckHeads(long upTo, Func<long, string?> hashOf)
        {
            while (nextHead < heads.Count && heads[nextHead].Sequence <= upTo)
            {
                var head = heads[nextHead++];
                if (mismatchedHead is null && !string.Equals(hashOf(head.Sequence), head.Hash, StringComparison.Ordinal))
                {
                    mismatchedHead = head.Sequence;
                }
            }
        }

        var previous = AuditEvent.GenesisHash;
        long lastId = 0;
        long count = 0;
        long? broken = null;
        while (broken is null)
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
                    broken = e.Id;
                    break;
                }

                // A head naming an id that is not in the chain (a deleted event) meets no event and does not match.
                CheckHeads(e.Id, sequence => sequence == e.Id ? e.Hash : null);
                previous = e.Hash;
                lastId = e.Id;
            }

            if (batch.Count < Batch)
            {
                break;
            }
        }

        if (broken is null)
        {
            CheckHeads(long.MaxValue, _ => null);
        }
        else
        {
            // Past a broken event the chain proves nothing; its heads are compared with the stored hashes all the same.
            var rest = heads.Skip(nextHead).Select(h => h.Sequence).ToList();
            var stored = await db.AuditEvents.AsNoTracking().Where(e => rest.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Hash, cancellationToken);
            CheckHeads(long.MaxValue, sequence => stored.GetValueOrDefault(sequence));
        }

        return new AuditChainReport(count, broken, heads.Count, mismatchedHead);
    }
}
