using FluentValidation;
using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Agreements;

namespace SocialOrder.Application.Agreements.Schedule;

public sealed record TrancheInput(TrancheKind Kind, int? Year, DateOnly? PlannedOn, decimal? Amount, int? AfterReport);

public sealed record ReportInput(ReportKind Kind, int? Year, DateOnly? DueOn);

/// <summary>The official replaces the payment and reporting schedules of a draft agreement, within the decision's amount per year.</summary>
public sealed record EditAgreementScheduleCommand(Guid AgreementId, IReadOnlyList<TrancheInput> Tranches, IReadOnlyList<ReportInput> Reports) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Agreement", AgreementId.ToString());
}

public sealed class EditAgreementScheduleCommandValidator : AbstractValidator<EditAgreementScheduleCommand>
{
    public EditAgreementScheduleCommandValidator()
    {
        RuleFor(c => c.Tranches).NotEmpty().WithErrorCode("Agreement.TranchesRequired").Must(t => t is null || t.Count <= 60).WithErrorCode("Agreement.TooManyRows");
        RuleFor(c => c.Reports).NotEmpty().WithErrorCode("Agreement.ReportsRequired").Must(r => r is null || r.Count <= 60).WithErrorCode("Agreement.TooManyRows");
        RuleForEach(c => c.Tranches).ChildRules(t =>
        {
            t.RuleFor(x => x.Kind).IsInEnum();
            t.RuleFor(x => x.Year).NotNull();
            t.RuleFor(x => x.PlannedOn).NotNull();
            t.RuleFor(x => x.Amount).NotNull()
                .GreaterThan(0m).WithErrorCode("Agreement.TrancheAmountPositive")
                .Must(a => a is null || decimal.Round(a.Value, 2) == a.Value).WithErrorCode("Agreement.AmountInTiyn");
        });
        RuleForEach(c => c.Reports).ChildRules(r =>
        {
            r.RuleFor(x => x.Kind).IsInEnum();
            r.RuleFor(x => x.Year).NotNull();
            r.RuleFor(x => x.DueOn).NotNull();
        });
    }
}

public sealed class EditAgreementScheduleCommandHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<EditAgreementScheduleCommand, Result>
{
    public async ValueTask<Result> Handle(EditAgreementScheduleCommand command, CancellationToken cancellationToken)
    {
        var agreement = await db.FindForOfficialAsync(user, command.AgreementId, cancellationToken);
        if (agreement is null)
        {
            return Result.NotFound();
        }

        if (agreement.Status != AgreementStatus.Draft)
        {
            return Result.Failure(ResultStatus.RuleBroken, [new Error("Agreement.SchedulesOnlyInDraft")]);
        }

        var tranches = command.Tranches.Select(t => new TranchePlan(t.Kind, t.Year!.Value, t.PlannedOn!.Value, t.Amount!.Value, t.AfterReport)).ToList();
        var reports = command.Reports.Select(r => new ReportPlan(r.Kind, r.Year!.Value, r.DueOn!.Value)).ToList();

        // Every row's problem beside its field, not only the first one the aggregate would throw.
        var problems = agreement.ScheduleProblems(tranches, reports);
        if (problems.Count > 0)
        {
            return Result.Failure(ResultStatus.RuleBroken, [.. problems.Select(p => new Error(p.Code, p.Field, p.Arg is null ? null : [p.Arg]))]);
        }

        agreement.EditSchedules(tranches, reports);
        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Agreement.ChangedMeanwhile");
    }
}
