using System.Net;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Awards;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Calls;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Awards.GetProtocolPdf;

/// <summary>
/// The stored protocol, exactly as issued: public once the decision is locked. Before that, officials of the call's body
/// may download a draft (rendered on the fly, marked as a draft); anyone else gets 404.
/// </summary>
/// <remarks>
/// A <paramref name="Version"/> names one protocol version (ADR 28): earlier versions stay public after an upheld
/// complaint reopened the decision; without it, the current protocol, or while reopened the last one issued.
/// </remarks>
public sealed record GetProtocolPdfQuery(Guid CallId, ProtocolLanguage Language, bool Draft = false, int? Version = null) : IQuery<DownloadedFile?>;

public sealed class GetProtocolPdfQueryHandler(IAppDbContext db, ICurrentUser user, IFileStore files, IAwardProtocolRenderer renderer, IPortalLinks links)
    : IQueryHandler<GetProtocolPdfQuery, DownloadedFile?>
{
    public async ValueTask<DownloadedFile?> Handle(GetProtocolPdfQuery query, CancellationToken cancellationToken)
    {
        var callId = new CallId(query.CallId);
        var decision = await db.AwardDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.CallId == callId, cancellationToken);
        if (decision is null)
        {
            return null;
        }

        var earlier = query.Draft ? null
            : query.Version is { } v ? decision.EarlierProtocols.SingleOrDefault(p => p.Version == v)
            : decision.Status == DecisionStatus.Draft && decision.EarlierProtocols.Count > 0 ? decision.EarlierProtocols[^1] : null;
        if (earlier is not null)
        {
            var earlierId = query.Language == ProtocolLanguage.Kk ? earlier.KkFileId : earlier.RuFileId;
            return earlierId is { } earlierFile && await files.ReadAsync(earlierFile, cancellationToken) is { } stored
                ? new DownloadedFile(stored.Info.FileName, "application/pdf", stored.Content)
                : null;
        }

        if (query.Version is { } wanted && (decision.Status != DecisionStatus.Locked || wanted != decision.ProtocolVersion))
        {
            return null;
        }

        if (decision.Status == DecisionStatus.Locked && !query.Draft)
        {
            var id = query.Language == ProtocolLanguage.Kk ? decision.ProtocolKkFileId : decision.ProtocolRuFileId;
            return id is { } fileId && await files.ReadAsync(fileId, cancellationToken) is { } file
                ? new DownloadedFile(file.Info.FileName, "application/pdf", file.Content)
                : null;
        }

        var call = query.Draft ? await db.FindOwnCallAsync(user, query.CallId, cancellationToken) : null;
        if (call is null || decision.Status == DecisionStatus.Locked)
        {
            return null;
        }

        var evaluation = await CallEvaluation.ComputeAsync(db, call, cancellationToken);
        var document = await ProtocolBuilder.BuildAsync(db, call, decision, evaluation, links.CallPage(call.Id.Value) + "#results", cancellationToken);
        document = document with { ProtocolNumber = query.Language == ProtocolLanguage.Kk ? "ЖОБА" : "ПРОЕКТ" };
        var lang = query.Language == ProtocolLanguage.Kk ? "kk" : "ru";
        return new DownloadedFile($"{call.ReferenceNumber}-draft-{lang}.pdf", "application/pdf", renderer.Render(document, query.Language));
    }
}
