using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Agreements;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Agreements.Monitoring;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Monitoring.GetVisits;

public sealed record PersonOption(Guid Id, string Name);

public sealed record VisitView(
    Guid Id, DateOnly VisitedOn, string Place, string Participants, string Checked, string? ObserverName, bool CanRemark, bool CanAddPhoto,
    IReadOnlyList<VisitFinding> Findings, IReadOnlyList<ObserverRemark> Remarks, IReadOnlyList<VisitPhoto> Photos, DateTimeOffset RecordedAt);

/// <summary>An agreement's visits for the page of whoever reads the agreement, newest first, with what this reader may do.</summary>
public sealed record AgreementVisits(
    Guid AgreementId, AgreementViewer Viewer, bool InImplementation, IReadOnlyList<VisitView> Visits, IReadOnlyList<PersonOption> Observers, IReadOnlyDictionary<Guid, string> Names)
{
    public bool CanRecord => Viewer == AgreementViewer.Official && InImplementation;

    public bool CanAnswer => (Viewer is AgreementViewer.OrganizationAdministrator or AgreementViewer.OrganizationMember) && InImplementation;

    public bool CanReview => Viewer == AgreementViewer.Official && InImplementation;

    public int OpenActions => Visits.Sum(v => v.Findings.Count(f => f.Action is { IsOpen: true }));
}

public sealed record GetVisitsQuery(Guid AgreementId) : IQuery<Result<AgreementVisits>>;

public sealed class GetVisitsQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetVisitsQuery, Result<AgreementVisits>>
{
    private const int MaxVisits = 100;

    public async ValueTask<Result<AgreementVisits>> Handle(GetVisitsQuery query, CancellationToken cancellationToken)
    {
        if (await db.FindForReaderAsync(user, query.AgreementId, cancellationToken) is not { } found)
        {
            return Result<AgreementVisits>.NotFound();
        }

        var (agreement, viewer) = found;
        var id = new AgreementId(query.AgreementId);
        var visits = await db.MonitoringVisits.AsNoTracking().Where(v => v.AgreementId == id)
            .OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.RecordedAt).Take(MaxVisits).ToListAsync(cancellationToken);
        var body = agreement.StateBodyId.Value;
        var observers = viewer == AgreementViewer.Official
            ? await db.QueryUsers(Roles.Observer).Where(u => u.StateBodyId == body).OrderBy(u => u.FullName).Select(u => new PersonOption(u.Id, u.FullName)).ToListAsync(cancellationToken)
            : [];
        var invited = visits.Where(v => v.ObserverId is not null).Select(v => v.ObserverId!.Value).Distinct().ToList();
        var names = await db.QueryUsers(null).Where(u => invited.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        var inImplementation = agreement.Status is AgreementStatus.Issued or AgreementStatus.Accepted;
        var rows = visits.Select(v => new VisitView(
            v.Id.Value, v.VisitedOn, v.Place, v.Participants, v.Checked,
            v.ObserverId is { } o && names.TryGetValue(o, out var n) ? n : null,
            viewer == AgreementViewer.Observer && v.ObserverId == user.Id && agreement.Status != AgreementStatus.Terminated,
            viewer == AgreementViewer.Official && inImplementation,
            v.Findings, v.Remarks, v.Photos, v.RecordedAt)).ToList();
        return new AgreementVisits(agreement.Id.Value, viewer, inImplementation, rows, observers, names);
    }
}
