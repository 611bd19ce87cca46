using FluentValidation;
using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Agreements.RecordPayment;

/// <summary>
/// The official records the payment of a tranche whose condition holds: date, amount and payment order number. A second
/// post of the same payment finds the tranche paid (or loses the race on the agreement's version) and changes nothing.
/// </summary>
public sealed record RecordTranchePaymentCommand(Guid AgreementId, int TrancheNumber, DateOnly? PaidOn, decimal? Amount, string? PaymentOrderNumber) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Agreement", AgreementId.ToString());
}

public sealed class RecordTranchePaymentCommandValidator : AbstractValidator<RecordTranchePaymentCommand>
{
    public RecordTranchePaymentCommandValidator()
    {
        RuleFor(c => c.PaidOn).NotNull();
        RuleFor(c => c.Amount).NotNull().GreaterThan(0m).Must(a => a is null || decimal.Round(a.Value, 2) == a.Value).WithErrorCode("Agreement.AmountInTiyn");
        RuleFor(c => c.PaymentOrderNumber).NotEmpty().MaximumLength(50);
    }
}

public sealed class RecordTranchePaymentCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IPublicPageCache pages) : ICommandHandler<RecordTranchePaymentCommand, Result>
{
    public async ValueTask<Result> Handle(RecordTranchePaymentCommand command, CancellationToken cancellationToken)
    {
        var agreement = await db.FindForOfficialAsync(user, command.AgreementId, cancellationToken);
        if (agreement is null || user.Id is not { } officialId)
        {
            return Result.NotFound();
        }

        agreement.RecordPayment(command.TrancheNumber, command.PaidOn!.Value, command.Amount!.Value, command.PaymentOrderNumber!, officialId, time.GetUtcNow());
        if (!await db.TrySaveAsync(cancellationToken))
        {
            return Result.Conflict("Agreement.TrancheAlreadyPaid");
        }

        // The call's public page shows each funded project's implementation.
        await pages.CallChangedAsync(agreement.CallId.Value, cancellationToken);
        return Result.Success();
    }
}
