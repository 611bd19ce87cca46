using System.Net;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Awards;

internal static class ResultsNotice
{
    /// <summary>Every member of every organization that submitted a bid learns that the results are published.</summary>
    public static async Task EnqueueAsync(IAppDbContext db, IEmailQueue emails, Call call, string callPage, string myBids, CancellationToken cancellationToken)
    {
        var callId = call.Id;
        var members = await (from b in db.Bids.AsNoTracking()
                             join o in db.Organizations.AsNoTracking() on b.OrganizationId equals o.Id
                             where b.CallId == callId && b.SubmissionCount > 0
                             from m in o.Members
                             select m.UserId).Distinct().ToListAsync(cancellationToken);
        var addresses = await db.QueryUsers(null).Where(u => members.Contains(u.Id)).Select(u => u.Email).ToListAsync(cancellationToken);
        var title = WebUtility.HtmlEncode($"{call.ReferenceNumber} «{call.Title.Ru}» / «{call.Title.Kk}»");
        var bids = myBids;
        foreach (var to in addresses)
        {
            emails.Enqueue(new EmailMessage(
                to, $"SocialOrder: итоги конкурса {call.ReferenceNumber} / конкурс қорытындылары",
                $"<p>{title}</p><p>Итоги конкурса опубликованы. Конкурс қорытындылары жарияланды.</p>" +
                $"<p><a href=\"{WebUtility.HtmlEncode(callPage)}\">{WebUtility.HtmlEncode(callPage)}</a></p>" +
                $"<p>Оценки и обоснования по вашей заявке / Өтініміңіз бойынша бағалар мен негіздемелер: <a href=\"{WebUtility.HtmlEncode(bids)}\">{WebUtility.HtmlEncode(bids)}</a></p>"));
        }
    }
}
