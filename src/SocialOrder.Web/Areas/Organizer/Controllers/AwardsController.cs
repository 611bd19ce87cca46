using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Awards;
using SocialOrder.Application.Awards.AddDissent;
using SocialOrder.Application.Awards.ChangeDecisionLine;
using SocialOrder.Application.Awards.ConfirmDecision;
using SocialOrder.Application.Awards.GetAwardPage;
using SocialOrder.Application.Awards.GetProtocolPdf;
using SocialOrder.Application.Awards.PrepareDecision;
using SocialOrder.Application.Awards.RecordAttendance;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Web.Infrastructure;

namespace SocialOrder.Web.Areas.Organizer.Controllers;

/// <summary>
/// The competition commission's decision on a call: members and quorum, attendance, the proposed allocation and the
/// secretary's justified changes, dissenting opinions, confirmation and the protocol. Another body's call is 404.
/// </summary>
public sealed class AwardsController : OrganizerController
{
    [HttpGet]
    public async Task<IActionResult> Index(Guid id, CancellationToken ct)
    {
        var result = await Sender.Send(new GetAwardPageQuery(id), ct);
        return FailurePage(result) ?? View(result.Value);
    }

    [HttpPost]
    public async Task<IActionResult> Prepare(Guid id, [Bind(Prefix = "Members")] List<MemberForm>? members, decimal? quorumPercent, CancellationToken ct)
    {
        // "66.67" and "66,67" both bind in every language (DecimalModelBinder); an unreadable value is refused as out of range.
        var chosen = (members ?? []).Where(m => m is { Role: not null }).Select(m => new MemberInput(m.UserId, m.Role!.Value)).ToList();
        return await ActAsync(id, new PrepareDecisionCommand(id, chosen, Math.Round((quorumPercent ?? 0m) / 100m, 4)), "Award.Prepared", "Commission", ct);
    }

    [HttpPost]
    public async Task<IActionResult> Attendance(Guid id, List<Guid>? present, CancellationToken ct) =>
        await ActAsync(id, new RecordAttendanceCommand(id, present ?? []), "Award.AttendanceSaved", "Attendance", ct);

    [HttpPost]
    public async Task<IActionResult> Change(Guid id, Guid bidId, decimal amount, AwardOutcome outcome, string? justification, CancellationToken ct) =>
        await ActAsync(id, new ChangeDecisionLineCommand(id, bidId, amount, outcome, justification), "Award.LineChanged", $"line-{bidId}", ct);

    [HttpPost]
    public async Task<IActionResult> Dissent(Guid id, Guid memberId, string? text, CancellationToken ct) =>
        await ActAsync(id, new AddDissentCommand(id, memberId, text ?? string.Empty), "Award.DissentRecorded", "Dissent", ct);

    [HttpPost]
    public async Task<IActionResult> Confirm(Guid id, CancellationToken ct) =>
        await ActAsync(id, new ConfirmDecisionCommand(id), "Award.Confirmed", "Confirm", ct);

    /// <summary>The protocol: the stored copy once locked, a draft preview before (officials of the call's body only).</summary>
    [HttpGet]
    public async Task<IActionResult> Protocol(Guid id, string lang, bool draft, CancellationToken ct)
    {
        var file = await Sender.Send(new GetProtocolPdfQuery(id, lang == "kk" ? ProtocolLanguage.Kk : ProtocolLanguage.Ru, draft), ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<IActionResult> ActAsync(Guid id, Mediator.ICommand<Result> command, string success, string errorKey, CancellationToken ct)
    {
        var result = await Sender.Send(command, ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            ModelState.Clear();
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(errorKey, ResultExtensions.Localize(L, e));
            }

            var page = await Sender.Send(new GetAwardPageQuery(id), ct);
            if (FailurePage(page) is { } gone)
            {
                return gone;
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), page.Value);
        }

        Status(success);
        return RedirectToAction(nameof(Index), "Awards", new { area = "Organizer", id });
    }
}

public sealed class MemberForm
{
    public Guid UserId { get; set; }

    public CommissionRole? Role { get; set; }
}
