using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Reports;

namespace SocialOrder.Application.Reports.ReturnReport;

/// <summary>An official returns the submitted version with remarks per section; the version stays as it was submitted.</summary>
public sealed record ReturnReportCommand(Guid ReportId, string? Activities, string? Indicators, string? Finance, string? Narrative) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Report", ReportId.ToString());
}

public sealed class ReturnReportCommandValidator : AbstractValidator<ReturnReportCommand>
{
    public ReturnReportCommandValidator()
    {
        RuleFor(c => c.Activities).MaximumLength(4000).NoMarkup();
        RuleFor(c => c.Indicators).MaximumLength(4000).NoMarkup();
        RuleFor(c => c.Finance).MaximumLength(4000).NoMarkup();
        RuleFor(c => c.Narrative).MaximumLength(4000).NoMarkup();
    }
}

public sealed class ReturnReportCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IEmailQueue emails, IPortalLinks links) : ICommandHandler<ReturnReportCommand, Result>
{
    public async ValueTask<Result> Handle(ReturnReportCommand c, CancellationToken cancellationToken)
    {
        var report = await db.FindForOfficialAsync(user, c.ReportId, cancellationToken);
        if (report is null || user.Id is not { } officialId)
        {
            return Result.NotFound();
        }

        var status = await db.Agreements.AsNoTracking().Where(a => a.Id == report.AgreementId).Select(a => a.Status).SingleAsync(cancellationToken);
        report.Return(status, new ReportRemarks(c.Activities, c.Indicators, c.Finance, c.Narrative), officialId, time.GetUtcNow());
        var link = links.MyProject(report.AgreementId.Value);
        foreach (var to in await ReportEmails.MemberAddressesAsync(db, report.OrganizationId, cancellationToken))
        {
            emails.Enqueue(ReportEmails.Returned(to, report.AgreementNumber, report.Number, link));
        }

        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Report.ChangedByColleague");
    }
}
