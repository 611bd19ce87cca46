using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Feedback;

namespace SocialOrder.Application.Feedback.OpenFeedbackPoster;

public sealed record FeedbackPoster(Guid AgreementId, string Token, string AgreementNumber, string ProjectTitle, LocalizedText Organization, LocalizedText StateBody);

/// <summary>
/// The printable poster of an issued or accepted agreement, for the body's officials and the organization's members.
/// The first opening draws the agreement's random feedback token (recorded in the audit trail); later ones reuse it.
/// </summary>
public sealed record OpenFeedbackPosterCommand(Guid AgreementId) : ICommand<Result<FeedbackPoster>>;

public sealed class OpenFeedbackPosterCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IAuditLog audit)
    : ICommandHandler<OpenFeedbackPosterCommand, Result<FeedbackPoster>>
{
    public async ValueTask<Result<FeedbackPoster>> Handle(OpenFeedbackPosterCommand command, CancellationToken cancellationToken)
    {
        var agreement = await db.FindForCommentReaderAsync(user, command.AgreementId, cancellationToken);
        if (agreement is null || !FeedbackChannel.PosterAllowed(agreement.Status))
        {
            return Result<FeedbackPoster>.NotFound();
        }

        var channel = await db.FeedbackChannels.AsNoTracking().SingleOrDefaultAsync(c => c.AgreementId == agreement.Id, cancellationToken);
        if (channel is null)
        {
            channel = FeedbackChannel.Open(agreement.Id, time.GetUtcNow());
            db.FeedbackChannels.Add(channel);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await audit.AppendAsync(new AuditEntry("OpenFeedbackChannel", "Agreement", agreement.Id.Value.ToString(), "Succeeded"), CancellationToken.None);
            }
            catch (DbUpdateException)
            {
                // Two first openings at once: the other one's token stands.
                db.FeedbackChannels.Entry(channel).State = EntityState.Detached;
                channel = await db.FeedbackChannels.AsNoTracking().SingleAsync(c => c.AgreementId == agreement.Id, cancellationToken);
            }
        }

        return new FeedbackPoster(
            agreement.Id.Value, channel.Token, agreement.Number, agreement.ProjectTitle, agreement.Parties.OrganizationName, agreement.Parties.StateBodyName);
    }
}
