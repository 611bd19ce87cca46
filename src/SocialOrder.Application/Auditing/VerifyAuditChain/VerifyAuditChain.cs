using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Auditing;

namespace SocialOrder.Application.Auditing.VerifyAuditChain;

/// <summary>
/// The first sealed event (by its id) whose hash or link to its predecessor in the chain does not match (null when the
/// chain is intact), and the first published head the chain no longer agrees with: the event at its sequence number
/// has another hash, or is gone. A head catches a rewrite that recomputed every hash after the edited event, which the
/// chain alone cannot. <see cref="Unsealed"/> counts events the sealer has not linked yet (not checked, ADR 30).
/// </summary>
public sealed record AuditChainReport(long Checked, long? FirstBrokenId, int HeadsChecked = 0, long? FirstMismatchedHeadSequence = null, long Unsealed = 0)
{
    public bool Intact => FirstBrokenId is null && FirstMismatchedHeadSequence is null;
}

public sealed record VerifyAuditChainQuery : IQuery<AuditChainReport>;

public sealed class VerifyAuditChainQueryHandler(IAppDbContext db) : IQueryHandler<VerifyAuditChainQuery, AuditChainReport>
{
    private const int Batch = 2000;

    public async ValueTask<AuditChainReport> Handle(VerifyAuditChainQuery query, CancellationToken cancellationToken)
    {
        // Heads are few (one a day or an hour); the chain is walked in sequence order, in batches, and each head
        // checked as its event passes.
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
        long lastSequence = 0;
        long count = 0;
        long? broken = null;
        while (broken is null)
        {
            var batch = await db.AuditEvents.AsNoTracking()
                .Where(e => e.Sequence > lastSequence)
                .OrderBy(e => e.Sequence)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            foreach (var e in batch)
            {
                count++;
                // A deleted event leaves its successor pointing at a hash no longer in the chain; two events swapped
                // each point at the wrong predecessor; an edited one no longer hashes to what it stores.
                if (e.PreviousHash != previous || !e.HashMatches())
                {
                    broken = e.Id;
                    break;
                }

                var sequence = e.Sequence!.Value;
                // A head naming a sequence that is not in the chain (a deleted event) meets no event and does not match.
                CheckHeads(sequence, s => s == sequence ? e.Hash : null);
                previous = e.Hash!;
                lastSequence = sequence;
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
            var rest = heads.Skip(nextHead).Select(h => (long?)h.Sequence).ToList();
            var stored = await db.AuditEvents.AsNoTracking()
                .Where(e => rest.Contains(e.Sequence))
                .ToDictionaryAsync(e => e.Sequence!.Value, e => e.Hash, cancellationToken);
            CheckHeads(long.MaxValue, sequence => stored.GetValueOrDefault(sequence));
        }

        var unsealed = await db.AuditEvents.LongCountAsync(e => e.Sequence == null, cancellationToken);
        return new AuditChainReport(count, broken, heads.Count, mismatchedHead, unsealed);
    }
}
