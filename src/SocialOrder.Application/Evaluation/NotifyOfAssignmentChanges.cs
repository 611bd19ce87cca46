using System.Globalization;
using System.Net;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Evaluation;

/// <summary>A decline or a declared conflict goes back to the official who assigned the bid; a reopened sheet is told to its expert.</summary>
public sealed class NotifyOfAssignmentChanges(IAppDbContext db, IEmailQueue emails, IPortalLinks links)
    : INotificationHandler<AssignmentReturnedEvent>, INotificationHandler<SheetReopenedEvent>
{
    public async ValueTask Handle(AssignmentReturnedEvent notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var a = db.ExpertAssignments.Local.Single(x => x.Id == notification.AssignmentId);
        var (call, receipt) = await ContextAsync(a, cancellationToken);
        var official = await db.QueryUsers(null).Where(u => u.Id == a.AssignedBy).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (official is null)
        {
            return;
        }

        var why = a.Status == AssignmentStatus.Recused
            ? "Эксперт заявил о конфликте интересов / Сарапшы мүдделер қақтығысын мәлімдеді"
            : "Эксперт отказался от заявки / Сарапшы өтінімнен бас тартты";
        var link = links.EvaluationDashboard(call.Id.Value);
        emails.Enqueue(new EmailMessage(
            official, $"SocialOrder: {why} ({receipt})",
            $"<p>{WebUtility.HtmlEncode($"{call.ReferenceNumber} «{call.Title.Ru}»")}</p><p>{WebUtility.HtmlEncode(why)}: {WebUtility.HtmlEncode(receipt)}.</p>" +
            $"<p>Назначьте другого эксперта / Басқа сарапшыны тағайындаңыз: <a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>"));
    }

    public async ValueTask Handle(SheetReopenedEvent notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var a = db.ExpertAssignments.Local.Single(x => x.Id == notification.AssignmentId);
        var (call, receipt) = await ContextAsync(a, cancellationToken);
        var expert = await db.ExpertProfiles.AsNoTracking().Where(e => e.UserId == a.ExpertId).Select(e => e.Email).SingleAsync(cancellationToken);
        var link = links.ScoreSheet(a.Id);
        emails.Enqueue(new EmailMessage(
            expert, $"SocialOrder: оценочный лист открыт повторно / бағалау парағы қайта ашылды ({receipt})",
            $"<p>{WebUtility.HtmlEncode($"{call.ReferenceNumber} «{call.Title.Ru}»")}, {WebUtility.HtmlEncode(receipt)}</p>" +
            $"<p>Причина / Себебі: {WebUtility.HtmlEncode(a.History[^1].Reason)}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>"));
    }

    private async Task<(Call Call, string Receipt)> ContextAsync(ExpertAssignment a, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == a.CallId, cancellationToken);
        var receipt = await (from b in db.Bids.AsNoTracking()
                             join s in db.BidSubmissions.AsNoTracking() on b.Id equals s.BidId
                             where b.Id == a.BidId && s.Version == b.SubmissionCount
                             select s.ReceiptNumber).SingleAsync(cancellationToken);
        return (call, receipt);
    }
}
