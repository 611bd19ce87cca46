using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Agreements;

namespace SocialOrder.Application.Agreements.Issue;

/// <summary>The official issues a draft agreement to the organization; its PDF in Kazakh and Russian is stored with it.</summary>
public sealed record IssueAgreementCommand(Guid AgreementId) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Agreement", AgreementId.ToString());
}

public sealed class IssueAgreementCommandHandler(
    IAppDbContext db, ICurrentUser user, TimeProvider time, IAgreementRenderer renderer, IFileStore files, IPortalLinks links, Microsoft.Extensions.Options.IOptions<Appeals.AppealOptions> appeals, IPublicPageCache pages)
    : ICommandHandler<IssueAgreementCommand, Result>
{
    public async ValueTask<Result> Handle(IssueAgreementCommand command, CancellationToken cancellationToken)
    {
        var agreement = await db.FindForOfficialAsync(user, command.AgreementId, cancellationToken);
        if (agreement is null || user.Id is not { } officialId)
        {
            return Result.NotFound();
        }

        var decision = await db.AwardDecisions.AsNoTracking().SingleAsync(d => d.Id == agreement.DecisionId, cancellationToken);
        await Appeals.AppealWindow.CheckAgreementsMayBeIssuedAsync(db, appeals.Value, agreement.CallId, time.GetUtcNow(), cancellationToken);
        agreement.Issue(decision, officialId, time.GetUtcNow());

        var call = await db.Calls.AsNoTracking().Where(c => c.Id == agreement.CallId).Select(c => new { c.ReferenceNumber, c.Title }).SingleAsync(cancellationToken);
        var document = Document(agreement, call.ReferenceNumber, call.Title, decision.ProtocolNumber, links.CallPage(agreement.CallId.Value) + "#results");
        var kk = await files.SaveAsync($"{agreement.Number}-kk.pdf", "application/pdf", new MemoryStream(renderer.Render(document, ProtocolLanguage.Kk)), cancellationToken);
        var ru = await files.SaveAsync($"{agreement.Number}-ru.pdf", "application/pdf", new MemoryStream(renderer.Render(document, ProtocolLanguage.Ru)), cancellationToken);
        agreement.AttachPdfs(kk.Id, kk.Sha256, ru.Id, ru.Sha256);
        if (!await db.TrySaveAsync(cancellationToken))
        {
            await files.DeleteAsync(kk.Id, CancellationToken.None);
            await files.DeleteAsync(ru.Id, CancellationToken.None);
            return Result.Conflict("Agreement.ChangedMeanwhile");
        }

        // The call's public page shows each funded project's implementation.
        await pages.CallChangedAsync(agreement.CallId.Value, cancellationToken);
        return Result.Success();
    }

    internal static AgreementDocument Document(Agreement a, string callReference, Domain.Common.LocalizedText callTitle, string? protocolNumber, string verificationUrl) => new(
        a.Number, a.IssuedAt!.Value, a.Parties, callReference, callTitle, protocolNumber, a.ProjectTitle, a.Term, a.YearAmounts, a.TotalAmount, a.Tranches, a.Reports,
        a.Activities, a.Indicators, a.Sha256!, verificationUrl, a.BudgetLines);
}
