using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Standards;

namespace SocialOrder.Application.Standards.NewStandardVersion;

/// <summary>Copies the published version into a new draft (same code, next version); one draft per code at a time.</summary>
public sealed record NewStandardVersionCommand(Guid StandardId) : ICommand<Result<Guid>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("ServiceStandard", StandardId.ToString());
}

public sealed class NewStandardVersionCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<NewStandardVersionCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(NewStandardVersionCommand command, CancellationToken cancellationToken)
    {
        if (!user.MayRecordStandards())
        {
            return Result<Guid>.NotFound();
        }

        var id = new ServiceStandardId(command.StandardId);
        var published = await db.ServiceStandards.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (published is null)
        {
            return Result<Guid>.NotFound();
        }

        if (await db.ServiceStandards.AnyAsync(s => s.Code == published.Code && s.Status == StandardStatus.Draft, cancellationToken))
        {
            return Result<Guid>.Conflict("Standard.DraftExists");
        }

        var draft = published.NewVersion(user.Id!.Value, time.GetUtcNow());
        db.ServiceStandards.Add(draft);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Result<Guid>.Conflict("Standard.DraftExists");
        }

        return draft.Id.Value;
    }
}
