using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Standards;

namespace SocialOrder.Application.Standards.GetStandardEditor;

public sealed record StandardEditor(Guid Id, StandardStatus Status, int Version, StandardContent Content, IReadOnlyList<StandardProblem> PublishProblems, bool HasDraft)
{
    public bool CanEdit => Status == StandardStatus.Draft;

    public bool CanPublish => Status == StandardStatus.Draft && PublishProblems.Count == 0;

    public bool CanMakeNewVersion => Status == StandardStatus.Published && !HasDraft;
}

/// <summary>One version of a standard for the administrator, with what stops it from being published (null: 404).</summary>
public sealed record GetStandardEditorQuery(Guid StandardId) : IQuery<StandardEditor?>;

public sealed class GetStandardEditorQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetStandardEditorQuery, StandardEditor?>
{
    public async ValueTask<StandardEditor?> Handle(GetStandardEditorQuery query, CancellationToken cancellationToken)
    {
        if (!user.MayRecordStandards())
        {
            return null;
        }

        var id = new ServiceStandardId(query.StandardId);
        var s = await db.ServiceStandards.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (s is null)
        {
            return null;
        }

        var hasDraft = await db.ServiceStandards.AnyAsync(x => x.Code == s.Code && x.Status == StandardStatus.Draft, cancellationToken);
        return new StandardEditor(s.Id.Value, s.Status, s.Version, s.Content, s.Status == StandardStatus.Draft ? s.PublishProblems() : [], hasDraft);
    }
}
