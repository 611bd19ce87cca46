using FluentValidation;
using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Monitoring.ReviewCorrectiveAction;

/// <summary>The official closes an answered corrective action, or keeps it open with a note the organization answers again.</summary>
public sealed record ReviewCorrectiveActionCommand(Guid AgreementId, Guid VisitId, int FindingNumber, bool Close, string? Note) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("MonitoringVisit", VisitId.ToString());
}

public sealed class ReviewCorrectiveActionCommandValidator : AbstractValidator<ReviewCorrectiveActionCommand>
{
    public ReviewCorrectiveActionCommandValidator()
    {
        RuleFor(c => c.Note).MaximumLength(2000);
    }
}

public sealed class ReviewCorrectiveActionCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<ReviewCorrectiveActionCommand, Result>
{
    public async ValueTask<Result> Handle(ReviewCorrectiveActionCommand command, CancellationToken cancellationToken)
    {
        var visit = await db.FindVisitForOfficialAsync(user, command.AgreementId, command.VisitId, cancellationToken);
        if (visit is null || user.Id is not { } officialId || !visit.Findings.Any(f => f.Number == command.FindingNumber && f.Action is not null))
        {
            return Result.NotFound();
        }

        visit.Review(command.FindingNumber, command.Close, command.Note, officialId, await db.AgreementStatusAsync(visit.AgreementId, cancellationToken), time.GetUtcNow());
        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Monitoring.ChangedMeanwhile");
    }
}
