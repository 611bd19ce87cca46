using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Agreements;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Reports;

namespace SocialOrder.Application.Reports.StartReport;

/// <summary>A member of the organization opens the report of one reporting point; starting it twice opens the same report.</summary>
public sealed record StartReportCommand(Guid AgreementId, int Number) : ICommand<Result<Guid>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Agreement", AgreementId.ToString());
}

public sealed class StartReportCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<StartReportCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(StartReportCommand command, CancellationToken cancellationToken)
    {
        if (await AgreementAccess.FindForReaderAsync(db, user, command.AgreementId, cancellationToken) is not { } found
            || found.Viewer is not (AgreementViewer.OrganizationAdministrator or AgreementViewer.OrganizationMember))
        {
            return Result<Guid>.NotFound();
        }

        var agreementId = new AgreementId(command.AgreementId);
        var existing = await db.Reports.AsNoTracking().Where(r => r.AgreementId == agreementId && r.Number == command.Number).Select(r => (Guid?)r.Id.Value).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return id;
        }

        var report = Report.Start(found.Agreement, command.Number, user.Id!.Value, time.GetUtcNow());
        db.Reports.Add(report);
        if (await db.TrySaveAsync(cancellationToken))
        {
            return report.Id.Value;
        }

        // A colleague started it at the same moment (the unique index on agreement and number): theirs is the report.
        return Result<Guid>.Conflict("Report.ChangedByColleague");
    }
}
