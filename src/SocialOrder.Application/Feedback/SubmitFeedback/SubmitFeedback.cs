using FluentValidation;
using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Feedback;

namespace SocialOrder.Application.Feedback.SubmitFeedback;

/// <summary>
/// A beneficiary's rating (1–5) and optional comment, without an account. <see cref="Website"/> is the honeypot: a
/// field people never see; a form that fills it is answered as if accepted and not stored. The result is the id (empty when dropped).
/// </summary>
public sealed record SubmitFeedbackCommand(string Token, int? Rating, string? Comment, string? Website, string Culture) : ICommand<Result<Guid>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("BeneficiaryFeedback", null);
}

public sealed class SubmitFeedbackCommandValidator : AbstractValidator<SubmitFeedbackCommand>
{
    public SubmitFeedbackCommandValidator()
    {
        RuleFor(c => c.Rating).NotNull().WithErrorCode("Feedback.RatingRequired").InclusiveBetween(1, 5).WithErrorCode("Feedback.RatingRequired");
        RuleFor(c => c.Comment).MaximumLength(BeneficiaryFeedback.MaxComment).WithErrorCode("Feedback.CommentTooLong").NoMarkup();
    }
}

public sealed class SubmitFeedbackCommandHandler(IAppDbContext db, TimeProvider time) : ICommandHandler<SubmitFeedbackCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(SubmitFeedbackCommand command, CancellationToken cancellationToken)
    {
        if (await db.ByTokenAsync(command.Token, cancellationToken) is not { } found)
        {
            return Result<Guid>.NotFound();
        }

        if (!string.IsNullOrEmpty(command.Website))
        {
            return Guid.Empty;
        }

        var feedback = BeneficiaryFeedback.Submit(found.Id, found.Status, command.Rating ?? 0, command.Comment, command.Culture, time.GetUtcNow());
        db.BeneficiaryFeedback.Add(feedback);
        await db.SaveChangesAsync(cancellationToken);
        return feedback.Id.Value;
    }
}
