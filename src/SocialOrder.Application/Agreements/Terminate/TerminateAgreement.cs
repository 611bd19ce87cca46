using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Agreements.Terminate;

/// <summary>The official terminates an agreement with a reason: unpaid tranches are cancelled and the organization's members are told by e-mail.</summary>
public sealed record TerminateAgreementCommand(Guid AgreementId, string? Reason) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Agreement", AgreementId.ToString());
}

public sealed class TerminateAgreementCommandValidator : AbstractValidator<TerminateAgreementCommand>
{
    public TerminateAgreementCommandValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MinimumLength(10).MaximumLength(2000);
    }
}

public sealed class TerminateAgreementCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IEmailQueue emails, IPortalLinks links, IPublicPageCache pages)
    : ICommandHandler<TerminateAgreementCommand, Result>
{
    public async ValueTask<Result> Handle(TerminateAgreementCommand command, CancellationToken cancellationToken)
    {
        var agreement = await db.FindForOfficialAsync(user, command.AgreementId, cancellationToken);
        if (agreement is null || user.Id is not { } officialId)
        {
            return Result.NotFound();
        }

        agreement.Terminate(command.Reason!, officialId, time.GetUtcNow());

        var memberIds = await db.Organizations.AsNoTracking().Where(o => o.Id == agreement.OrganizationId)
            .SelectMany(o => o.Members).Select(m => m.UserId).ToListAsync(cancellationToken);
        var addresses = await db.QueryUsers(null).Where(u => memberIds.Contains(u.Id)).Select(u => u.Email).ToListAsync(cancellationToken);
        var link = links.MyProject(agreement.Id.Value);
        foreach (var to in addresses)
        {
            emails.Enqueue(AgreementEmails.Terminated(to, agreement.Number, agreement.ProjectTitle, agreement.TerminationReason!, link));
        }

        if (!await db.TrySaveAsync(cancellationToken))
        {
            return Result.Conflict("Agreement.ChangedMeanwhile");
        }

        // The call's public page shows each funded project's implementation.
        await pages.CallChangedAsync(agreement.CallId.Value, cancellationToken);
        return Result.Success();
    }
}
