using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Calls.Drafts;
using SocialOrder.Application.Common.Files;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;

namespace SocialOrder.Application.Calls.Amend;

/// <summary>A change to a published call: everything but the methodology; the reason is shown publicly.</summary>
public sealed record AmendCallCommand(
    Guid CallId,
    string? SummaryKk,
    string? SummaryRu,
    string? DescriptionKk,
    string? DescriptionRu,
    string? EligibilityKk,
    string? EligibilityRu,
    decimal? Budget,
    decimal? MaxPerProject,
    IReadOnlyList<decimal?> YearlyBudgets,
    DateTimeOffset? ClosesAt,
    IReadOnlyList<DocumentInput> RequiredDocuments,
    string Reason) : ICommand<Result<int>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Call", CallId.ToString());
}

public sealed class AmendCallCommandValidator : AbstractValidator<AmendCallCommand>
{
    public AmendCallCommandValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MinimumLength(10).MaximumLength(2000).NoMarkup();
        RuleFor(c => c.SummaryKk).NotEmpty().MaximumLength(2000).NoMarkup();
        RuleFor(c => c.SummaryRu).NotEmpty().MaximumLength(2000).NoMarkup();
        RuleFor(c => c.DescriptionKk).NotEmpty().MaximumLength(20000).NoMarkup();
        RuleFor(c => c.DescriptionRu).NotEmpty().MaximumLength(20000).NoMarkup();
        RuleFor(c => c.EligibilityKk).NotEmpty().MaximumLength(10000).NoMarkup();
        RuleFor(c => c.EligibilityRu).NotEmpty().MaximumLength(10000).NoMarkup();
        RuleFor(c => c.Budget).NotNull().GreaterThan(0).WithErrorCode("Call.BudgetNotPositive");
        RuleFor(c => c.MaxPerProject).NotNull().GreaterThan(0).WithErrorCode("Call.MaxPerProjectNotPositive");
        RuleFor(c => c.MaxPerProject).LessThanOrEqualTo(c => c.Budget).WithErrorCode("Call.MaxPerProjectAboveBudget")
            .When(c => c.Budget is > 0 && c.MaxPerProject is not null);
        RuleFor(c => c.ClosesAt).NotNull().SupportedDate();
        RuleForEach(c => c.RequiredDocuments).ChildRules(document =>
        {
            document.RuleFor(x => x.NameKk).NotEmpty().MaximumLength(300).NoMarkup();
            document.RuleFor(x => x.NameRu).NotEmpty().MaximumLength(300).NoMarkup();
            document.RuleFor(x => x.NameEn).MaximumLength(300).NoMarkup();
            document.RuleFor(x => x.AllowedTypes).AllowedFileTypes();
        });
    }
}

public sealed class AmendCallCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IOptions<CallOptions> options)
    : ICommandHandler<AmendCallCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(AmendCallCommand c, CancellationToken cancellationToken)
    {
        var call = await db.FindOwnAsync(user, c.CallId, cancellationToken);
        if (call is null)
        {
            return Result<int>.NotFound();
        }

        var change = new CallAmendment(
            new LocalizedText(c.SummaryKk!.Trim(), c.SummaryRu!.Trim(), call.Summary.En),
            new LocalizedText(c.DescriptionKk!.Trim(), c.DescriptionRu!.Trim(), call.Description.En),
            new LocalizedText(c.EligibilityKk!.Trim(), c.EligibilityRu!.Trim(), call.Eligibility.En),
            c.Budget,
            c.MaxPerProject,
            call.Term == CallTerm.Long ? c.YearlyBudgets.Select((a, i) => new YearlyBudget(i + 1, a ?? 0)).ToList() : null,
            c.ClosesAt,
            c.RequiredDocuments.Select(d => new RequiredDocument(
                new LocalizedText(d.NameKk!.Trim(), d.NameRu!.Trim(), string.IsNullOrWhiteSpace(d.NameEn) ? null : d.NameEn.Trim()), d.IsMandatory, FileTypes.Normalize(d.AllowedTypes))).ToList());
        var amendment = call.Amend(change, c.Reason, time.GetUtcNow(), options.Value.MinimumDaysBeforeDeadline);
        await db.SaveChangesAsync(cancellationToken);
        return amendment.Number;
    }
}
