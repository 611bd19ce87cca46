using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Calls.Publish;

public sealed record PublishCallCommand(Guid CallId) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Call", CallId.ToString());
}

public sealed class PublishCallCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<PublishCallCommand, Result>
{
    public async ValueTask<Result> Handle(PublishCallCommand command, CancellationToken cancellationToken)
    {
        var call = await db.FindOwnAsync(user, command.CallId, cancellationToken);
        if (call is null)
        {
            return Result.NotFound();
        }

        var now = time.GetUtcNow();
        var standard = await db.RequirementAsync(call, await db.LinkedAsync(call, cancellationToken), cancellationToken);
        var problems = call.PublishProblems(now, standard);
        if (problems.Count > 0)
        {
            return Result.Failure(
                ResultStatus.RuleBroken,
                problems.Select(p => new Error(p.Code, p.Field, p.Arg is null ? null : [p.Arg])).ToList());
        }

        call.Publish(now, standard);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
