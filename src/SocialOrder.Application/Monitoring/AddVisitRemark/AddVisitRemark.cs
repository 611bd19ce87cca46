using FluentValidation;
using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Monitoring.AddVisitRemark;

/// <summary>The Public Council observer invited to a visit adds a remark; other observers of the body are refused, another body's get 404.</summary>
public sealed record AddVisitRemarkCommand(Guid AgreementId, Guid VisitId, string? Text) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("MonitoringVisit", VisitId.ToString());
}

public sealed class AddVisitRemarkCommandValidator : AbstractValidator<AddVisitRemarkCommand>
{
    public AddVisitRemarkCommandValidator()
    {
        RuleFor(c => c.Text).NotEmpty().MaximumLength(2000);
    }
}

public sealed class AddVisitRemarkCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<AddVisitRemarkCommand, Result>
{
    public async ValueTask<Result> Handle(AddVisitRemarkCommand command, CancellationToken cancellationToken)
    {
        var visit = await db.FindVisitForObserverAsync(user, command.AgreementId, command.VisitId, cancellationToken);
        if (visit is null || user.Id is not { } observerId)
        {
            return Result.NotFound();
        }

        visit.AddRemark(observerId, command.Text!, await db.AgreementStatusAsync(visit.AgreementId, cancellationToken), time.GetUtcNow());
        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Monitoring.ChangedMeanwhile");
    }
}
