using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Organizations;

namespace SocialOrder.Application.Agreements.Accept;

/// <summary>The organization's administrator accepts the issued agreement on the portal; the advance becomes payable.</summary>
public sealed record AcceptAgreementCommand(Guid AgreementId) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Agreement", AgreementId.ToString());
}

public sealed class AcceptAgreementCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IPublicPageCache pages) : ICommandHandler<AcceptAgreementCommand, Result>
{
    public async ValueTask<Result> Handle(AcceptAgreementCommand command, CancellationToken cancellationToken)
    {
        if (user.Id is not { } userId)
        {
            return Result.NotFound();
        }

        var id = new AgreementId(command.AgreementId);
        var agreement = await db.Agreements.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        var role = agreement is null ? null : await db.Organizations.AsNoTracking()
            .Where(o => o.Id == agreement.OrganizationId)
            .SelectMany(o => o.Members)
            .Where(m => m.UserId == userId)
            .Select(m => (MemberRole?)m.Role)
            .SingleOrDefaultAsync(cancellationToken);

        // Not a member, or a draft the organization has not been shown: nothing to find.
        if (agreement is null || role is null || agreement.Status == AgreementStatus.Draft)
        {
            return Result.NotFound();
        }

        agreement.Accept(userId, role == MemberRole.Administrator, time.GetUtcNow());
        if (!await db.TrySaveAsync(cancellationToken))
        {
            return Result.Conflict("Agreement.ChangedMeanwhile");
        }

        // The call's public page shows each funded project's implementation.
        await pages.CallChangedAsync(agreement.CallId.Value, cancellationToken);
        return Result.Success();
    }
}
