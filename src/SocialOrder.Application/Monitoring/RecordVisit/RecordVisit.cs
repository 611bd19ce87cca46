using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Agreements;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Agreements.Monitoring;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Monitoring.RecordVisit;

/// <summary>
/// The official records a monitoring visit of an issued or accepted agreement of the body: date, place, participants, an
/// invited Public Council observer of the body, what was checked against the plan and the findings; findings that require a
/// corrective action are e-mailed to the organization's members.
/// </summary>
public sealed record RecordVisitCommand(
    Guid AgreementId, DateOnly? VisitedOn, string? Place, string? Participants, string? Checked, Guid? ObserverId, IReadOnlyList<FindingInput> Findings)
    : ICommand<Result<Guid>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Agreement", AgreementId.ToString());
}

public sealed class RecordVisitCommandValidator : AbstractValidator<RecordVisitCommand>
{
    public RecordVisitCommandValidator()
    {
        RuleFor(c => c.VisitedOn).NotNull();
        RuleFor(c => c.Place).NotEmpty().MaximumLength(500);
        RuleFor(c => c.Participants).MaximumLength(2000);
        RuleFor(c => c.Checked).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.Findings).NotNull();
        RuleForEach(c => c.Findings).ChildRules(f =>
        {
            f.RuleFor(x => x.Text).NotEmpty().MaximumLength(2000);
            f.RuleFor(x => x.RequiredAction).MaximumLength(2000);
        });
    }
}

public sealed class RecordVisitCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IEmailQueue emails, IPortalLinks links)
    : ICommandHandler<RecordVisitCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(RecordVisitCommand command, CancellationToken cancellationToken)
    {
        var agreement = await db.FindForOfficialAsync(user, command.AgreementId, cancellationToken);
        if (agreement is null || user.Id is not { } officialId)
        {
            return Result<Guid>.NotFound();
        }

        if (command.ObserverId is { } observer)
        {
            var body = agreement.StateBodyId.Value;
            var isObserver = await db.QueryUsers(Roles.Observer).AnyAsync(u => u.Id == observer && u.StateBodyId == body, cancellationToken);
            if (!isObserver)
            {
                return Result<Guid>.Invalid("Monitoring.UnknownObserver", nameof(command.ObserverId));
            }
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(KazakhstanTime.ToLocal(now).Date);
        var visit = MonitoringVisit.Record(
            agreement, command.VisitedOn!.Value, today, command.Place!, command.Participants ?? string.Empty, command.Checked!, command.ObserverId,
            command.Findings, officialId, now);
        db.MonitoringVisits.Add(visit);

        var actions = visit.Findings.Where(f => f.Action is not null).Select(f => (f.Action!.Required, f.Action.DueOn)).ToList();
        if (actions.Count > 0)
        {
            var link = links.MyProject(agreement.Id.Value);
            foreach (var (email, culture) in await db.MembersAsync(agreement.OrganizationId, cancellationToken))
            {
                emails.Enqueue(MonitoringEmails.CorrectiveActionRequired(email, culture, agreement.Number, agreement.ProjectTitle, actions, link));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return visit.Id.Value;
    }
}
