using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Standards;

namespace SocialOrder.Application.Standards.PublishStandard;

/// <summary>Publishes a draft version; the code's published version becomes superseded (calls linked to it keep it).</summary>
public sealed record PublishStandardCommand(Guid StandardId) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("ServiceStandard", StandardId.ToString());
}

public sealed class PublishStandardCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<PublishStandardCommand, Result>
{
    public async ValueTask<Result> Handle(PublishStandardCommand command, CancellationToken cancellationToken)
    {
        if (!user.MayRecordStandards())
        {
            return Result.NotFound();
        }

        var id = new ServiceStandardId(command.StandardId);
        var standard = await db.ServiceStandards.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (standard is null)
        {
            return Result.NotFound();
        }

        var problems = standard.PublishProblems();
        if (problems.Count > 0)
        {
            return Result.Failure(ResultStatus.RuleBroken, [.. problems.Select(p => new Error(p.Code, p.Field, p.Arg is null ? null : [p.Arg]))]);
        }

        var current = await db.ServiceStandards
            .SingleOrDefaultAsync(s => s.Code == standard.Code && s.Status == StandardStatus.Published, cancellationToken);
        standard.Publish(current, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two publications of one code at once: the unique index on the published version lets one through.
            return Result.Conflict("Standard.ChangedMeanwhile");
        }

        return Result.Success();
    }
}
