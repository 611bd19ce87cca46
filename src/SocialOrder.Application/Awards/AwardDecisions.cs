using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Auditing;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Verification;

namespace SocialOrder.Application.Awards;

public sealed record CommissionCandidate(Guid UserId, string FullName, bool IsObserver);

public sealed record DecisionRow(DecisionLine Line, BidEvaluation Bid);

/// <summary>The commission page of a call: readiness, the commission, the draft or locked decision and its problems.</summary>
public sealed record AwardPage(
    Call Call, CallEvaluationResult Evaluation, IReadOnlyList<string> Readiness, IReadOnlyList<CommissionCandidate> Candidates, AwardDecision? Decision,
    IReadOnlyList<DecisionRow> Rows, IReadOnlyList<string> ConfirmationProblems, bool IsSecretary);

public sealed record GetAwardPageQuery(Guid CallId) : IQuery<Result<AwardPage>>;

public sealed class GetAwardPageQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<GetAwardPageQuery, Result<AwardPage>>
{
    public async ValueTask<Result<AwardPage>> Handle(GetAwardPageQuery query, CancellationToken cancellationToken)
    {
        var call = await db.FindOwnCallAsync(user, query.CallId, cancellationToken);
        if (call is null)
        {
            return Result<AwardPage>.NotFound();
        }

        var evaluation = await CallEvaluation.ComputeAsync(db, call, cancellationToken);
        var callId = call.Id;
        var decision = await db.AwardDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.CallId == callId, cancellationToken);
        var bodyId = user.StateBodyId;
        var staff = await db.QueryUsers(null).Where(u => u.StateBodyId == bodyId).OrderBy(u => u.FullName)
            .Select(u => new { u.Id, u.FullName, u.Roles }).Take(200).ToListAsync(cancellationToken);
        var candidates = staff.Where(s => s.Roles.Contains(Roles.Official) || s.Roles.Contains(Roles.Observer))
            .Select(s => new CommissionCandidate(s.Id, s.FullName, !s.Roles.Contains(Roles.Official))).ToList();
        var byBid = evaluation.Bids.ToDictionary(b => b.BidId);
        var rows = decision?.Lines.OrderBy(l => l.Rank).Where(l => byBid.ContainsKey(l.BidId.Value)).Select(l => new DecisionRow(l, byBid[l.BidId.Value])).ToList() ?? [];
        return new AwardPage(
            call, evaluation, AwardReadiness.Problems(call, evaluation, time.GetUtcNow()), candidates, decision, rows,
            decision?.ConfirmationProblems() ?? [], decision?.Members.Any(m => m.UserId == user.Id && m.Role == CommissionRole.Secretary) == true);
    }
}

internal static class AwardReadiness
{
    /// <summary>Awards come only after the deadline, with every eligible bid fully scored and no divergence left unresolved.</summary>
    public static IReadOnlyList<string> Problems(Call call, CallEvaluationResult evaluation, DateTimeOffset now)
    {
        var p = new List<string>();
        if (call.Status == CallStatus.Awarded)
        {
            return p;
        }

        if (call.PhaseAt(now) != CallPhase.Closed)
        {
            p.Add("Rule.AwardOnlyClosedCall");
        }

        if (evaluation.Unchecked > 0)
        {
            p.Add("Award.EligibilityUnchecked");
        }

        if (evaluation.Bids.Any(b => b.State is EvaluationState.Unassigned or EvaluationState.InProgress))
        {
            p.Add("Award.SheetsOutstanding");
        }

        if (evaluation.Bids.Any(b => b.State == EvaluationState.Divergent))
        {
            p.Add("Award.DivergenceUnresolved");
        }

        return p;
    }

    public static IReadOnlyList<AllocationCandidate> Candidates(CallEvaluationResult evaluation, IReadOnlyDictionary<Guid, IReadOnlyDictionary<int, decimal>> perYear) =>
        [.. evaluation.Ranking.Select(b => new AllocationCandidate(
            new BidId(b.BidId), b.Rank!.Value, b.Requested, b.Aggregate!.IsFundable, perYear.TryGetValue(b.BidId, out var y) ? y : new Dictionary<int, decimal>()))];
}

public sealed record MemberInput(Guid UserId, CommissionRole Role);

/// <summary>The official prepares the decision: the commission and quorum, and the portal's proposed allocation from the ranking.</summary>
public sealed record PrepareDecisionCommand(Guid CallId, IReadOnlyList<MemberInput> Members, decimal QuorumFraction) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Call", CallId.ToString());
}

public sealed class PrepareDecisionCommandValidator : AbstractValidator<PrepareDecisionCommand>
{
    public PrepareDecisionCommandValidator()
    {
        RuleFor(c => c.Members).Must(m => m.Count >= 3).WithErrorCode("Award.CommissionTooSmall");
        RuleFor(c => c.Members).Must(m => m.Count(x => x.Role == CommissionRole.Chair) == 1 && m.Count(x => x.Role == CommissionRole.Secretary) == 1)
            .WithErrorCode("Rule.CommissionNeedsChairAndSecretary");
        RuleFor(c => c.QuorumFraction).InclusiveBetween(0.5m, 1m).WithErrorCode("Award.QuorumRange");
    }
}

public sealed class PrepareDecisionCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<PrepareDecisionCommand, Result>
{
    public async ValueTask<Result> Handle(PrepareDecisionCommand command, CancellationToken cancellationToken)
    {
        var call = await db.FindOwnCallAsync(user, command.CallId, cancellationToken);
        if (call is null || user.Id is not { } officialId)
        {
            return Result.NotFound();
        }

        var bodyId = user.StateBodyId;
        var ids = command.Members.Select(m => m.UserId).ToList();
        var people = await db.QueryUsers(null).Where(u => ids.Contains(u.Id) && u.StateBodyId == bodyId)
            .Select(u => new { u.Id, u.FullName, u.Roles }).ToListAsync(cancellationToken);
        if (people.Count != ids.Distinct().Count() || people.Any(p => !p.Roles.Contains(Roles.Official) && !p.Roles.Contains(Roles.Observer)))
        {
            return Result.Invalid("Award.MemberNotOfBody", "Members");
        }

        var members = command.Members.Select(m =>
        {
            var p = people.Single(x => x.Id == m.UserId);
            return new CommissionMember(p.Id, p.FullName, m.Role, !p.Roles.Contains(Roles.Official), false);
        }).ToList();

        var callId = call.Id;
        var existing = await db.AwardDecisions.SingleOrDefaultAsync(d => d.CallId == callId, cancellationToken);
        if (existing is { Status: DecisionStatus.Locked })
        {
            return Result.Failure(ResultStatus.RuleBroken, [new Error("Rule.DecisionLocked")]);
        }

        var evaluation = await CallEvaluation.ComputeAsync(db, call, cancellationToken);
        var problems = AwardReadiness.Problems(call, evaluation, time.GetUtcNow());
        if (problems.Count > 0)
        {
            return Result.Failure(ResultStatus.RuleBroken, [.. problems.Select(p => new Error(p))]);
        }

        var perYear = await RequestedPerYearAsync(db, call, evaluation, cancellationToken);
        var candidates = AwardReadiness.Candidates(evaluation, perYear);
        var proposal = AwardAllocator.Propose(call.Budget, call.YearlyBudgets, candidates);
        if (existing is null)
        {
            db.AwardDecisions.Add(AwardDecision.Prepare(call, members, command.QuorumFraction, proposal, candidates, officialId, time.GetUtcNow()));
        }
        else
        {
            existing.SetCommission(members, command.QuorumFraction);
            if (!existing.Follows(candidates))
            {
                existing.Repropose(proposal, candidates);
            }
        }

        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Award.ChangedConcurrently");
    }

    /// <summary>For a long-term call: each bid's requested amount per project year, from the submitted budget lines.</summary>
    internal static async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<int, decimal>>> RequestedPerYearAsync(
        IAppDbContext db, Call call, CallEvaluationResult evaluation, CancellationToken cancellationToken)
    {
        if (call.YearlyBudgets.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyDictionary<int, decimal>>();
        }

        var ids = evaluation.Ranking.Select(b => new BidId(b.BidId)).ToList();
        var rows = await (from b in db.Bids.AsNoTracking()
                          join s in db.BidSubmissions.AsNoTracking() on b.Id equals s.BidId
                          where ids.Contains(b.Id) && s.Version == b.SubmissionCount
                          select new { b.Id, s.ContentJson }).ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.Id.Value,
            r => SubmittedContent.Parse(r.ContentJson).RequestedPerYear());
    }
}

public sealed record RecordAttendanceCommand(Guid CallId, IReadOnlyList<Guid> Present) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Call", CallId.ToString());
}

public sealed class RecordAttendanceCommandHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<RecordAttendanceCommand, Result>
{
    public async ValueTask<Result> Handle(RecordAttendanceCommand command, CancellationToken cancellationToken)
    {
        var decision = await DecisionAccess.FindOwnDraftAsync(db, user, command.CallId, cancellationToken);
        if (decision is null)
        {
            return Result.NotFound();
        }

        decision.RecordAttendance(command.Present);
        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Award.ChangedConcurrently");
    }
}

/// <summary>The secretary changes a bid's amount or outcome with a written justification.</summary>
public sealed record ChangeDecisionLineCommand(Guid CallId, Guid BidId, decimal Amount, AwardOutcome Outcome, string? Justification) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Bid", BidId.ToString());
}

public sealed class ChangeDecisionLineCommandValidator : AbstractValidator<ChangeDecisionLineCommand>
{
    public ChangeDecisionLineCommandValidator()
    {
        RuleFor(c => c.Amount).GreaterThanOrEqualTo(0).WithErrorCode("Rule.AmountAboveRequest").PrecisionScale(18, 2, true);
        RuleFor(c => c.Justification).MaximumLength(2000).NoMarkup();
    }
}

public sealed class ChangeDecisionLineCommandHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<ChangeDecisionLineCommand, Result>
{
    public async ValueTask<Result> Handle(ChangeDecisionLineCommand command, CancellationToken cancellationToken)
    {
        var decision = await DecisionAccess.FindOwnDraftAsync(db, user, command.CallId, cancellationToken);
        if (decision is null || user.Id is not { } id)
        {
            return Result.NotFound();
        }

        decision.ChangeLine(id, new BidId(command.BidId), command.Amount, command.Outcome, command.Justification);
        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Award.ChangedConcurrently");
    }
}

/// <summary>A dissenting opinion, recorded by the member themselves or by the secretary in the member's name.</summary>
public sealed record AddDissentCommand(Guid CallId, Guid MemberId, string Text) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Call", CallId.ToString());
}

public sealed class AddDissentCommandValidator : AbstractValidator<AddDissentCommand>
{
    public AddDissentCommandValidator() => RuleFor(c => c.Text).NotEmpty().WithErrorCode("Rule.DissentNeedsText").MaximumLength(4000).NoMarkup();
}

public sealed class AddDissentCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<AddDissentCommand, Result>
{
    public async ValueTask<Result> Handle(AddDissentCommand command, CancellationToken cancellationToken)
    {
        var decision = await DecisionAccess.FindOwnDraftAsync(db, user, command.CallId, cancellationToken);
        if (decision is null || user.Id is not { } id)
        {
            return Result.NotFound();
        }

        if (id != command.MemberId && !decision.Members.Any(m => m.UserId == id && m.Role == CommissionRole.Secretary))
        {
            return Result.Failure(ResultStatus.RuleBroken, [new Error("Rule.OnlySecretaryChanges")]);
        }

        decision.AddDissent(command.MemberId, command.Text, time.GetUtcNow());
        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Award.ChangedConcurrently");
    }
}

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

        if (!decision.Follows(AwardReadiness.Candidates(evaluation, await PrepareDecisionCommandHandler.RequestedPerYearAsync(db, call, evaluation, cancellationToken))))
        {
            return Result.Failure(ResultStatus.RuleBroken, [new Error("Award.RankingChanged")]);
        }

        var number = await numbers.NextAsync("PRT", Domain.Common.KazakhstanTime.ToLocal(now).Year, cancellationToken);
        decision.Lock(officialId, number, now);
        call.MarkAwarded(now);

        var document = await ProtocolBuilder.BuildAsync(db, call, decision, evaluation, links.Verify(decision.DecisionSha256!), cancellationToken);
        document = document with { AuditHead = await AuditChainHeads.CurrentAsync(db, cancellationToken) };
        var kk = await files.SaveAsync($"{number}-kk.pdf", "application/pdf", new MemoryStream(renderer.Render(document, ProtocolLanguage.Kk)), cancellationToken);
        var ru = await files.SaveAsync($"{number}-ru.pdf", "application/pdf", new MemoryStream(renderer.Render(document, ProtocolLanguage.Ru)), cancellationToken);
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

internal static class DecisionAccess
{
    public static async Task<AwardDecision?> FindOwnDraftAsync(IAppDbContext db, ICurrentUser user, Guid callId, CancellationToken cancellationToken)
    {
        if (await db.FindOwnCallAsync(user, callId, cancellationToken) is null)
        {
            return null;
        }

        var id = new CallId(callId);
        return await db.AwardDecisions.SingleOrDefaultAsync(d => d.CallId == id, cancellationToken);
    }
}
