using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Awards;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Awards.RecordAttendance;

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
