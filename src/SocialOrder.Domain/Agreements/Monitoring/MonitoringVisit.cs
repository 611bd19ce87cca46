using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Domain.Agreements.Monitoring;

public readonly record struct MonitoringVisitId(Guid Value)
{
    public static MonitoringVisitId New() => new(Guid.CreateVersion7());
}

public enum CorrectiveActionStatus
{
    /// <summary>Waiting for the organization's answer (again, after the official kept it open).</summary>
    Open,

    /// <summary>Answered; waiting for the official to close it or keep it open.</summary>
    Answered,

    Closed,
}

/// <summary>One entry of a corrective action's history: an answer of the organization or a decision of the official.</summary>
public sealed record CorrectiveActionEntry(CorrectiveActionEntryKind Kind, string Text, Guid By, DateTimeOffset At);

public enum CorrectiveActionEntryKind
{
    Answer,
    KeptOpen,
    Closed,
}

/// <summary>What a finding requires of the organization, by a due date.</summary>
public sealed record CorrectiveAction(string Required, DateOnly DueOn, CorrectiveActionStatus Status, IReadOnlyList<CorrectiveActionEntry> History)
{
    public bool IsOpen => Status != CorrectiveActionStatus.Closed;
}

/// <summary>What the visit found, numbered from 1; optionally requiring a corrective action.</summary>
public sealed record VisitFinding(int Number, string Text, CorrectiveAction? Action);

/// <summary>What the official writes down for one finding when recording a visit.</summary>
public sealed record FindingInput(string Text, string? RequiredAction, DateOnly? DueOn);

/// <summary>A Public Council observer's remark on a visit they took part in.</summary>
public sealed record ObserverRemark(string Text, Guid By, DateTimeOffset At);

/// <summary>A photo of the visit, stored through the checked upload path.</summary>
public sealed record VisitPhoto(Guid FileId, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, Guid UploadedBy);

/// <summary>
/// A monitoring visit of the body to a funded project: when and where, who took part (a Public Council observer of the
/// body may be invited), what was checked against the plan, the findings and photos. A finding may require a corrective
/// action by a due date; the organization answers it and the official closes it or keeps it open with a note. Its own
/// aggregate beside the agreement (it refers to it by id), so visits never contend with payments for the agreement's version.
/// </summary>
public sealed class MonitoringVisit : Entity
{
    public const int MaxFindings = 20;
    public const int MaxPhotos = 20;

    private MonitoringVisit()
    {
        Place = string.Empty;
        Participants = string.Empty;
        Checked = string.Empty;
    }

    public MonitoringVisitId Id { get; private set; }

    public AgreementId AgreementId { get; private set; }

    /// <summary>Copied from the agreement: every read and change is filtered by the body or the organization in SQL.</summary>
    public StateBodyId StateBodyId { get; private set; }

    public OrganizationId OrganizationId { get; private set; }

    public DateOnly VisitedOn { get; private set; }

    public string Place { get; private set; }

    public string Participants { get; private set; }

    /// <summary>What was checked against the plan (activities, indicators, documents).</summary>
    public string Checked { get; private set; }

    /// <summary>The Public Council observer of the body invited to the visit, who may add remarks.</summary>
    public Guid? ObserverId { get; private set; }

    public IReadOnlyList<VisitFinding> Findings { get; private set; } = [];

    public IReadOnlyList<ObserverRemark> Remarks { get; private set; } = [];

    public IReadOnlyList<VisitPhoto> Photos { get; private set; } = [];

    /// <summary>Corrective actions not closed: a column, so the portfolio asks "corrective action open" in SQL.</summary>
    public int OpenActions { get; private set; }

    /// <summary>The earliest due date of an open corrective action (the reminders' and the portfolio's sort key).</summary>
    public DateOnly? NextActionDueOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public Guid RecordedBy { get; private set; }

    /// <summary>A concurrency token: a double post of one answer or decision cannot both be saved.</summary>
    public int Version { get; private set; }

    public static MonitoringVisit Record(
        Agreement agreement, DateOnly visitedOn, DateOnly today, string place, string participants, string @checked, Guid? observerId,
        IReadOnlyList<FindingInput> findings, Guid officialId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(findings);
        CheckRule(new VisitsOnlyDuringImplementationRule(agreement.Status));
        CheckRule(new VisitDateNotInTheFutureRule(visitedOn, today));
        CheckRule(new VisitDateNotBeforeIssueRule(visitedOn, agreement.IssuedAt));
        CheckRule(new VisitTextRequiredRule(place, "Monitoring.PlaceRequired"));
        CheckRule(new VisitTextRequiredRule(@checked, "Monitoring.CheckedRequired"));
        CheckRule(new AtMostRule(findings.Count, MaxFindings, "Monitoring.TooManyFindings"));
        var numbered = new List<VisitFinding>();
        foreach (var f in findings)
        {
            CheckRule(new VisitTextRequiredRule(f.Text, "Monitoring.FindingRequired"));
            CorrectiveAction? action = null;
            if (!string.IsNullOrWhiteSpace(f.RequiredAction) || f.DueOn is not null)
            {
                CheckRule(new VisitTextRequiredRule(f.RequiredAction, "Monitoring.ActionRequired"));
                CheckRule(new ActionDueAfterTheVisitRule(f.DueOn, visitedOn));
                action = new CorrectiveAction(f.RequiredAction!.Trim(), f.DueOn!.Value, CorrectiveActionStatus.Open, []);
            }

            numbered.Add(new VisitFinding(numbered.Count + 1, f.Text.Trim(), action));
        }

        var visit = new MonitoringVisit
        {
            Id = MonitoringVisitId.New(),
            AgreementId = agreement.Id,
            StateBodyId = agreement.StateBodyId,
            OrganizationId = agreement.OrganizationId,
            VisitedOn = visitedOn,
            Place = place.Trim(),
            Participants = (participants ?? string.Empty).Trim(),
            Checked = @checked.Trim(),
            ObserverId = observerId,
            Findings = numbered,
            RecordedAt = now,
            RecordedBy = officialId,
        };
        visit.Refresh();
        return visit;
    }

    /// <summary>The invited observer adds a remark; nobody else does.</summary>
    public void AddRemark(Guid observerId, string text, AgreementStatus agreementStatus, DateTimeOffset now)
    {
        CheckRule(new NothingHappensOnATerminatedAgreementRule(agreementStatus));
        CheckRule(new OnlyTheInvitedObserverRemarksRule(ObserverId, observerId));
        CheckRule(new VisitTextRequiredRule(text, "Monitoring.RemarkRequired"));
        Remarks = [.. Remarks, new ObserverRemark(text.Trim(), observerId, now)];
        Version++;
    }

    public void AddPhoto(VisitPhoto photo, AgreementStatus agreementStatus)
    {
        ArgumentNullException.ThrowIfNull(photo);
        CheckRule(new VisitsOnlyDuringImplementationRule(agreementStatus));
        CheckRule(new AtMostRule(Photos.Count + 1, MaxPhotos, "Monitoring.TooManyPhotos"));
        Photos = [.. Photos, photo];
        Version++;
    }

    /// <summary>A member of the organization answers an open corrective action; an answered or closed one is not answered again.</summary>
    public void Answer(int findingNumber, string text, Guid memberId, AgreementStatus agreementStatus, DateTimeOffset now)
    {
        CheckRule(new VisitsOnlyDuringImplementationRule(agreementStatus));
        var action = ActionOf(findingNumber);
        CheckRule(new OnlyAnOpenActionIsAnsweredRule(action.Status));
        CheckRule(new VisitTextRequiredRule(text, "Monitoring.AnswerRequired"));
        Change(findingNumber, action with
        {
            Status = CorrectiveActionStatus.Answered,
            History = [.. action.History, new CorrectiveActionEntry(CorrectiveActionEntryKind.Answer, text.Trim(), memberId, now)],
        });
    }

    /// <summary>The official closes an answered corrective action, or keeps it open with a note (the organization answers again).</summary>
    public void Review(int findingNumber, bool close, string? note, Guid officialId, AgreementStatus agreementStatus, DateTimeOffset now)
    {
        CheckRule(new VisitsOnlyDuringImplementationRule(agreementStatus));
        var action = ActionOf(findingNumber);
        CheckRule(new OnlyAnAnsweredActionIsReviewedRule(action.Status));
        if (!close)
        {
            CheckRule(new VisitTextRequiredRule(note, "Monitoring.NoteRequired"));
        }

        var entry = new CorrectiveActionEntry(close ? CorrectiveActionEntryKind.Closed : CorrectiveActionEntryKind.KeptOpen, (note ?? string.Empty).Trim(), officialId, now);
        Change(findingNumber, action with
        {
            Status = close ? CorrectiveActionStatus.Closed : CorrectiveActionStatus.Open,
            History = [.. action.History, entry],
        });
    }

    private CorrectiveAction ActionOf(int findingNumber)
    {
        var finding = Findings.SingleOrDefault(f => f.Number == findingNumber);
        CheckRule(new FindingMustHaveAnActionRule(finding));
        return finding!.Action!;
    }

    private void Change(int findingNumber, CorrectiveAction action)
    {
        Findings = [.. Findings.Select(f => f.Number == findingNumber ? f with { Action = action } : f)];
        Refresh();
        Version++;
    }

    private void Refresh()
    {
        var open = Findings.Where(f => f.Action is { IsOpen: true }).Select(f => f.Action!).ToList();
        OpenActions = open.Count;
        NextActionDueOn = open.Count == 0 ? null : open.Min(a => a.DueOn);
    }
}
