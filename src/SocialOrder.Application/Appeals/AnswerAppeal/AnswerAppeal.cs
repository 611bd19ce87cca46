using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Calls;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Appeals;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;

namespace SocialOrder.Application.Appeals.AnswerAppeal;

/// <summary>
/// An official of the call's body answers a complaint, once: rejected with reasons, or upheld. Upholding reopens the
/// commission's locked decision with the answer as its recorded reason: the issued protocol is kept as an earlier
/// version, the bids' outcomes and the (never issued) draft agreements wait for the decision to be locked again.
/// </summary>
public sealed record AnswerAppealCommand(Guid CallId, Guid AppealId, bool Upheld, string Answer) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Appeal", AppealId.ToString());
}

public sealed class AnswerAppealCommandValidator : AbstractValidator<AnswerAppealCommand>
{
    public AnswerAppealCommandValidator() => RuleFor(c => c.Answer).NotEmpty().MaximumLength(8000).NoMarkup();
}

public sealed class AnswerAppealCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IEmailQueue emails, IPortalLinks links, IAuditLog audit)
    : ICommandHandler<AnswerAppealCommand, Result>
{
    public async ValueTask<Result> Handle(AnswerAppealCommand command, CancellationToken cancellationToken)
    {
        var call = await db.FindOwnCallAsync(user, command.CallId, cancellationToken);
        if (call is null || user.Id is not { } officialId)
        {
            return Result.NotFound();
        }

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var appealId = new AppealId(command.AppealId);
        var appeal = await db.Appeals.SingleOrDefaultAsync(a => a.Id == appealId && a.CallId == call.Id, cancellationToken);
        if (appeal is null)
        {
            return Result.NotFound();
        }

        var now = time.GetUtcNow();
        appeal.AnswerWith(command.Upheld, command.Answer, officialId, now);
        var reopened = false;
        if (command.Upheld)
        {
            var decision = await db.AwardDecisions.SingleAsync(d => d.CallId == call.Id, cancellationToken);

            // Two complaints upheld against one protocol reopen it once; the second answer is recorded all the same.
            if (decision.Status == DecisionStatus.Locked && decision.ProtocolVersion == appeal.ProtocolVersion)
            {
                decision.Reopen(officialId, command.Answer, now, appeal.Id.Value);
                foreach (var bid in await db.Bids.Where(b => b.CallId == call.Id && b.Outcome != null).ToListAsync(cancellationToken))
                {
                    bid.ClearOutcomeOfReopenedDecision();
                }

                // None of them was issued (ADR 28: agreements wait for every answer); they are drafted again from the new decision.
                db.Agreements.RemoveRange(await db.Agreements.Where(a => a.CallId == call.Id && a.Status == AgreementStatus.Draft).ToListAsync(cancellationToken));
                reopened = true;
            }
        }

        await AppealEmails.AnsweredAsync(db, emails, call, appeal.OrganizationId, appeal.Status, links.MyBids(), cancellationToken);
        if (!await db.TrySaveAsync(cancellationToken))
        {
            return Result.Conflict("Appeal.AlreadyAnswered");
        }

        await db.CommitAsync(cancellationToken);
        if (reopened)
        {
            await audit.AppendAsync(
                new AuditEntry("ReopenDecision", "Call", call.Id.Value.ToString(), "Succeeded", $"appeal {appeal.Id.Value} upheld; protocol version {appeal.ProtocolVersion} kept"),
                CancellationToken.None);
        }

        return Result.Success();
    }
}
