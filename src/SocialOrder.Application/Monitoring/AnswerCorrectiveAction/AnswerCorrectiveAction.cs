using FluentValidation;
using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Monitoring.AnswerCorrectiveAction;

/// <summary>
/// A member of the organization answers an open corrective action. An answered one waits for the official, a closed one is
/// never answered again; a double post finds it answered (or loses the race on the visit's version).
/// </summary>
public sealed record AnswerCorrectiveActionCommand(Guid AgreementId, Guid VisitId, int FindingNumber, string? Text) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("MonitoringVisit", VisitId.ToString());
}

public sealed class AnswerCorrectiveActionCommandValidator : AbstractValidator<AnswerCorrectiveActionCommand>
{
    public AnswerCorrectiveActionCommandValidator()
    {
        RuleFor(c => c.Text).NotEmpty().MaximumLength(4000);
    }
}

public sealed class AnswerCorrectiveActionCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<AnswerCorrectiveActionCommand, Result>
{
    public async ValueTask<Result> Handle(AnswerCorrectiveActionCommand command, CancellationToken cancellationToken)
    {
        var visit = await db.FindVisitForMemberAsync(user, command.AgreementId, command.VisitId, cancellationToken);
        if (visit is null || user.Id is not { } memberId || !visit.Findings.Any(f => f.Number == command.FindingNumber && f.Action is not null))
        {
            return Result.NotFound();
        }

        visit.Answer(command.FindingNumber, command.Text!, memberId, await db.AgreementStatusAsync(visit.AgreementId, cancellationToken), time.GetUtcNow());
        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Monitoring.ActionAlreadyAnswered");
    }
}
