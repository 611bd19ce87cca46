using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Awards;
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

namespace SocialOrder.Application.Awards.PrepareDecision;

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

        var perYear = await AwardReadiness.RequestedPerYearAsync(db, call, evaluation, cancellationToken);
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

}
