using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Reports;

namespace SocialOrder.Application.Reports.SubmitReport;

/// <summary>
/// Submits the draft the member saw (its revision) as the next frozen version with a receipt number and SHA-256. A second
/// click finds the report submitted (frozen) or the revision moved on, and changes nothing.
/// </summary>
public sealed record SubmitReportCommand(Guid ReportId, int Revision) : ICommand<Result<int>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Report", ReportId.ToString());
}

public sealed class SubmitReportCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IReferenceNumbers numbers, IOptions<ReportOptions> options)
    : ICommandHandler<SubmitReportCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(SubmitReportCommand c, CancellationToken cancellationToken)
    {
        var report = await db.FindForMemberAsync(user, c.ReportId, cancellationToken);
        if (report is null)
        {
            return Result<int>.NotFound();
        }

        if (report.IsOpen && report.Revision != c.Revision)
        {
            return Result<int>.Conflict("Report.ChangedByColleague");
        }

        var status = await db.Agreements.AsNoTracking().Where(a => a.Id == report.AgreementId).Select(a => a.Status).SingleAsync(cancellationToken);
        var before = await db.SpentBeforeAsync(report, cancellationToken);
        var share = options.Value.ReportVarianceShare;
        if (report.IsOpen && status == Domain.Agreements.AgreementStatus.Accepted)
        {
            var check = report.Content with { Budget = [.. report.Content.Budget.Select((b, i) => b with { SpentBefore = before[i] })] };
            var problems = check.Problems(share);
            if (problems.Count > 0)
            {
                return Result<int>.Failure(ResultStatus.RuleBroken, [.. problems.Select(p => new Error(p.Code, p.Field, p.Arg is null ? null : [p.Arg]))]);
            }
        }

        await using (await db.BeginTransactionAsync(cancellationToken))
        {
            var now = time.GetUtcNow();
            var receipt = await numbers.NextAsync("RPT", KazakhstanTime.ToLocal(now).Year, cancellationToken);
            var version = report.Submit(status, before, share, c.Revision, receipt, user.Id!.Value, now);
            if (!await db.TrySaveAsync(cancellationToken))
            {
                return Result<int>.Conflict("Report.ChangedByColleague");
            }

            await db.CommitAsync(cancellationToken);
            return version.Number;
        }
    }

}
