using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Reports.RemoveReportEvidence;

/// <summary>Takes an evidence file off an indicator of the draft (the stored file stays: an earlier version may name it).</summary>
public sealed record RemoveReportEvidenceCommand(Guid ReportId, int IndicatorIndex, Guid FileId) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Report", ReportId.ToString());
}

public sealed class RemoveReportEvidenceCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<RemoveReportEvidenceCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveReportEvidenceCommand c, CancellationToken cancellationToken)
    {
        var report = await db.FindForMemberAsync(user, c.ReportId, cancellationToken);
        if (report is null)
        {
            return Result.NotFound();
        }

        var status = await db.Agreements.AsNoTracking().Where(a => a.Id == report.AgreementId).Select(a => a.Status).SingleAsync(cancellationToken);
        report.RemoveEvidence(status, c.IndicatorIndex, c.FileId, user.Id!.Value, time.GetUtcNow());
        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Report.ChangedByColleague");
    }
}
