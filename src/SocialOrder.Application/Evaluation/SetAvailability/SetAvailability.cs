using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Evaluation.SetAvailability;

/// <summary>An approved expert sets how many bids of one call they can take and when they are away.</summary>
public sealed record SetAvailabilityCommand(int MaxBidsPerCall, IReadOnlyList<Unavailability> Periods) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("ExpertProfile", null);
}

public sealed class SetAvailabilityCommandValidator : AbstractValidator<SetAvailabilityCommand>
{
    public SetAvailabilityCommandValidator()
    {
        RuleFor(c => c.MaxBidsPerCall).InclusiveBetween(1, ExpertProfile.MaxCapacity).WithErrorCode("Rule.ExpertCapacityRange");
        RuleFor(c => c.Periods).Must(p => p.Count <= 20).WithErrorCode("Expert.TooManyPeriods");
        RuleForEach(c => c.Periods).Must(p => p.To >= p.From).WithErrorCode("Rule.UnavailabilityEndsBeforeStart");
        RuleForEach(c => c.Periods).Must(p => p.Note is null || p.Note.Length <= 200).WithErrorCode("Expert.NoteTooLong");
    }
}

public sealed class SetAvailabilityCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<SetAvailabilityCommand, Result>
{
    public async ValueTask<Result> Handle(SetAvailabilityCommand command, CancellationToken cancellationToken)
    {
        var profile = user.Id is { } id ? await db.ExpertProfiles.SingleOrDefaultAsync(e => e.UserId == id, cancellationToken) : null;
        if (profile is null)
        {
            return Result.NotFound();
        }

        profile.SetAvailability(command.MaxBidsPerCall, command.Periods, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
