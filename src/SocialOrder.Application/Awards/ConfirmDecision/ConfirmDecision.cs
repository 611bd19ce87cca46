using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Auditing;
using SocialOrder.Application.Awards;
using SocialOrder.Application.Awards.PrepareDecision;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Calls;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Verification;

namespace SocialOrder.Application.Awards.ConfirmDecision;

/// <summary>
/// Confirms the decision: checks quorum, budget and every change; locks it with a protocol number and the SHA-256 of its
/// data; renders and stores the protocol in Kazakh and Russian; marks the call Awarded; e-mails every applicant.
/// </summary>
public sealed record ConfirmDecisionCommand(Guid CallId) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Call", CallId.ToString());
}

public sealed class ConfirmDecisionCommandHandler(
    IAppDbContext db, ICurrentUser user, TimeProvider time, IReferenceNumbers numbers, IAwardProtocolRenderer renderer, IFileStore files,
    IEmailQueue emails, IPortalLinks links)
    : ICommandHandler<ConfirmDecisionCommand, Result>
{
    public async ValueTask<Result> Handle(ConfirmDecisionCommand command, CancellationToken cancellationToken)
    {
        if (await db.FindOwnCallAsync(user, command.CallId, cancellationToken) is null || user.Id is not { } officialId)
        {
            return Result.NotFound();
        }

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var callId = new CallId(command.CallId);
        var call = await db.Calls.SingleAsync(c => c.Id == callId, cancellationToken);
        var decision = await db.AwardDecisions.SingleOrDefaultAsync(d => d.CallId == callId, cancellationToken);
        if (decision is null)
        {
            return Result.NotFound();
        }

        var problems = decision.ConfirmationProblems();
        if (problems.Count > 0)
        {
            return Result.Failure(ResultStatus.RuleBroken, [.. problems.Select(p => new Error(p))]);
        }

        var now = time.GetUtcNow();
        var evaluation = await CallEvaluation.ComputeAsync(db, call, cancellationToken);
        var readiness = AwardReadiness.Problems(call, evaluation, now);
        if (readiness.Count > 0)
        {
            return Result.Failure(ResultStatus.RuleBroken, [.. readiness.Select(p => new Error(p))]);
        }

        if (!decision.Follows(AwardReadiness.Candidates(evaluation, await AwardReadiness.RequestedPerYearAsync(db, call, evaluation, cancellationToken))))
        {
            return Result.Failure(ResultStatus.RuleBroken, [new Error("Award.RankingChanged")]);
        }

        // A decision reopened by an upheld complaint keeps its protocol number; the protocol's version tells them apart (ADR 28).
        var number = decision.EarlierProtocols.Count > 0
            ? decision.EarlierProtocols[^1].Number
            : await numbers.NextAsync("PRT", Domain.Common.KazakhstanTime.ToLocal(now).Year, cancellationToken);
        // What the public results and each applicant's feedback show is kept with the lock, never recomputed per view.
        var results = evaluation.Bids.Select(b => new LockedBidResult(new BidId(b.BidId), b.ReceiptNumber, b.Organization, b.Rank, b.Aggregate)).ToList();
        decision.Lock(officialId, number, now, results, evaluation.Ranking.Count);
        if (call.Status != CallStatus.Awarded)
        {
            call.MarkAwarded(now);
        }

        var stem = decision.ProtocolVersion > 1 ? $"{number}-v{decision.ProtocolVersion}" : number;

        var document = await ProtocolBuilder.BuildAsync(db, call, decision, evaluation, links.Verify(decision.DecisionSha256!), cancellationToken);
        document = document with { AuditHead = await AuditChainHeads.CurrentAsync(db, cancellationToken) };
        var kk = await files.SaveAsync($"{stem}-kk.pdf", "application/pdf", new MemoryStream(renderer.Render(document, ProtocolLanguage.Kk)), cancellationToken);
        var ru = await files.SaveAsync($"{stem}-ru.pdf", "application/pdf", new MemoryStream(renderer.Render(document, ProtocolLanguage.Ru)), cancellationToken);
        decision.AttachProtocols(kk.Id, kk.Sha256, ru.Id, ru.Sha256);
        db.IssuedDocuments.Add(IssuedDocument.Issue(IssuedDocumentKind.AwardProtocol, "kk", kk.Sha256, decision.DecisionSha256!, now, call.Id, number));
        db.IssuedDocuments.Add(IssuedDocument.Issue(IssuedDocumentKind.AwardProtocol, "ru", ru.Sha256, decision.DecisionSha256!, now, call.Id, number));

        // Every submitted bid gets its outcome: its decision line, or Not awarded when it was not evaluated (ineligible).
        var lines = decision.Lines.ToDictionary(l => l.BidId);
        foreach (var bid in await db.Bids.Where(b => b.CallId == callId && b.Status == BidStatus.Submitted).ToListAsync(cancellationToken))
        {
            var line = lines.GetValueOrDefault(bid.Id);
            bid.RecordOutcome(line?.Outcome ?? AwardOutcome.NotAwarded, line?.Amount ?? 0m);
        }

        await ResultsNotice.EnqueueAsync(db, emails, call, links.CallPage(call.Id.Value), links.MyBids(), cancellationToken);

        if (!await db.TrySaveAsync(cancellationToken))
        {
            return Result.Conflict("Rule.DecisionLocked");
        }

        await db.CommitAsync(cancellationToken);
        return Result.Success();
    }
}
