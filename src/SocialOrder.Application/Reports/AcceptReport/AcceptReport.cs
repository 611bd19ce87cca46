using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Reports.AcceptReport;

/// <summary>An official of the body accepts the submitted version; the tranche waiting for the report becomes payable.</summary>
public sealed record AcceptReportCommand(Guid ReportId) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Report", ReportId.ToString());
}

public sealed class AcceptReportCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IEmailQueue emails, IPortalLinks links, IPublicPageCache pages) : ICommandHandler<AcceptReportCommand, Result>
{
    public async ValueTask<Result> Handle(AcceptReportCommand command, CancellationToken cancellationToken)
    {
        var report = await db.FindForOfficialAsync(user, command.ReportId, cancellationToken);
        if (report is null || user.Id is not { } officialId)
        {
            return Result.NotFound();
        }

        var agreement = await db.Agreements.SingleAsync(a => a.Id == report.AgreementId, cancellationToken);
        report.Accept(agreement, officialId, time.GetUtcNow());
        var link = links.MyProject(agreement.Id.Value);
        foreach (var to in await ReportEmails.MemberAddressesAsync(db, report.OrganizationId, cancellationToken))
        {
            emails.Enqueue(ReportEmails.Accepted(to, report.AgreementNumber, report.Number, link));
        }

        if (!await db.TrySaveAsync(cancellationToken))
        {
            return Result.Conflict("Report.ChangedByColleague");
        }

        // The call's public page shows each funded project's implementation.
        await pages.CallChangedAsync(agreement.CallId.Value, cancellationToken);
        return Result.Success();
    }
}
