using System.Net;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Calls;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Evaluation.ConfirmAssignments;

/// <summary>The official confirms the proposal: the experts are told (one e-mail each) and the scoring period starts.</summary>
public sealed record ConfirmAssignmentsCommand(Guid CallId) : ICommand<Result<int>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Call", CallId.ToString());
}

public sealed class ConfirmAssignmentsCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IEmailQueue emails, IOptions<CallOptions> options, IPortalLinks links)
    : ICommandHandler<ConfirmAssignmentsCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ConfirmAssignmentsCommand command, CancellationToken cancellationToken)
    {
        var call = await db.FindOwnCallAsync(user, command.CallId, cancellationToken);
        if (call is null || user.Id is not { } officialId)
        {
            return Result<int>.NotFound();
        }

        var callId = call.Id;
        var proposed = await db.ExpertAssignments.Where(a => a.CallId == callId && a.Status == AssignmentStatus.Proposed).ToListAsync(cancellationToken);
        if (proposed.Count == 0)
        {
            return Result<int>.Conflict("Assignment.NothingToConfirm");
        }

        var now = time.GetUtcNow();
        var due = now.AddDays(options.Value.ScoringDays);
        foreach (var a in proposed)
        {
            a.Confirm(officialId, now, due);
        }

        var experts = proposed.GroupBy(a => a.ExpertId).ToDictionary(g => g.Key, g => g.Count());
        var ids = experts.Keys.ToList();
        var addresses = await db.ExpertProfiles.AsNoTracking().Where(e => ids.Contains(e.UserId)).Select(e => new { e.UserId, e.Email }).ToListAsync(cancellationToken);
        var link = links.MyAssignments();
        var title = WebUtility.HtmlEncode($"{call.ReferenceNumber} «{call.Title.Ru}» / «{call.Title.Kk}»");
        var deadline = KazakhstanTime.ToLocal(due).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var e in addresses)
        {
            emails.Enqueue(new EmailMessage(
                e.Email,
                $"SocialOrder: новые заявки на экспертизу / сараптамаға жаңа өтінімдер ({call.ReferenceNumber})",
                $"<p>{title}</p><p>Вам назначено заявок: {experts[e.UserId]}. Сізге тағайындалған өтінімдер: {experts[e.UserId]}.</p>" +
                $"<p>Срок оценки / Бағалау мерзімі: {deadline} (UTC+5)</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>"));
        }

        return await db.TrySaveAsync(cancellationToken) ? proposed.Count : Result<int>.Conflict("Assignment.ChangedConcurrently");
    }
}
