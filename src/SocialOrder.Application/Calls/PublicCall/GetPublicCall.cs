using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;

namespace SocialOrder.Application.Calls.PublicCall;

/// <summary>A published (or cancelled, or awarded) call as the public sees it, by id or by reference number.</summary>
public sealed record GetPublicCallQuery(Guid? Id, string? ReferenceNumber = null) : IQuery<Result<PublicCallView>>;

public sealed record CriterionView(string Code, LocalizedText Name, LocalizedText Guidance, int MaxPoints, decimal Weight, int? MinPoints, decimal ShareOf100);

/// <summary>One recorded change; amounts or dates are set for the kinds that carry them.</summary>
public sealed record AmendmentChangeView(string Kind, decimal? FromAmount = null, decimal? ToAmount = null, DateTimeOffset? FromDate = null, DateTimeOffset? ToDate = null);

public sealed record AmendmentView(int Number, DateTimeOffset At, string Reason, IReadOnlyList<AmendmentChangeView> Changes);

public sealed record PublicCallView(
    Guid Id,
    string ReferenceNumber,
    LocalizedText Title,
    LocalizedText Summary,
    LocalizedText Description,
    LocalizedText Eligibility,
    LocalizedText StateBody,
    LocalizedText? PriorityArea,
    LocalizedText? Region,
    Instrument Instrument,
    CallTerm Term,
    int DurationMonths,
    decimal Budget,
    decimal MaxPerProject,
    IReadOnlyList<YearlyBudget> YearlyBudgets,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    DateTimeOffset? PublishedAt,
    CallPhase Phase,
    IReadOnlyList<RequiredDocument> RequiredDocuments,
    IReadOnlyList<CriterionView> Criteria,
    decimal MaxWeightedTotal,
    int ExpertsPerBid,
    decimal MinimumTotalScore,
    IReadOnlyList<AmendmentView> Amendments,
    DateTimeOffset? CancelledAt,
    string? CancellationReason,
    DateTimeOffset Now,
    StandardLink? Standard = null,
    int? PlannedBeneficiaries = null)
{
    public bool AcceptsQuestions => Phase is CallPhase.Upcoming or CallPhase.Open;
}

public sealed class GetPublicCallQueryHandler(IAppDbContext db, TimeProvider time) : IQueryHandler<GetPublicCallQuery, Result<PublicCallView>>
{
    public async ValueTask<Result<PublicCallView>> Handle(GetPublicCallQuery query, CancellationToken cancellationToken)
    {
        var calls = db.Calls.AsNoTracking().Where(c => c.Status != CallStatus.Draft);
        if (query.Id is { } id)
        {
            var callId = new CallId(id);
            calls = calls.Where(c => c.Id == callId);
        }
        else if (!string.IsNullOrWhiteSpace(query.ReferenceNumber))
        {
            var reference = query.ReferenceNumber.Trim().ToUpperInvariant();
            calls = calls.Where(c => c.ReferenceNumber == reference);
        }
        else
        {
            return Result<PublicCallView>.NotFound();
        }

        var call = await calls.SingleOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return Result<PublicCallView>.NotFound();
        }

        var body = await db.StateBodies.AsNoTracking().Where(b => b.Id == call.StateBodyId).Select(b => b.Name).SingleAsync(cancellationToken);
        var region = call.RegionId is { } r
            ? await db.Regions.AsNoTracking().Where(x => x.Id == r).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var area = call.PriorityAreaId is { } a
            ? await db.PriorityAreas.AsNoTracking().Where(x => x.Id == a).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken)
            : null;

        var (maxWeighted, scale) = DefaultMethodology.Scale(call.Criteria);
        var criteria = call.Criteria
            .Select(c => new CriterionView(c.Code, c.Name, c.Guidance, c.MaxPoints, c.Weight, c.MinPoints, decimal.Round(c.MaxPoints * c.Weight * scale, 1)))
            .ToList();
        var now = time.GetUtcNow();

        return new PublicCallView(
            call.Id.Value,
            call.ReferenceNumber,
            call.Title,
            call.Summary,
            call.Description,
            call.Eligibility,
            body,
            area,
            region,
            call.Instrument,
            call.Term,
            call.DurationMonths,
            call.Budget,
            call.MaxPerProject,
            [.. call.YearlyBudgets.OrderBy(y => y.Year)],
            call.OpensAt,
            call.ClosesAt,
            call.PublishedAt,
            call.PhaseAt(now),
            call.RequiredDocuments,
            criteria,
            maxWeighted,
            call.ExpertsPerBid,
            call.MinimumTotalScore,
            [.. call.Amendments.OrderBy(x => x.Number).Select(ToView)],
            call.CancelledAt,
            call.CancellationReason,
            now,
            CallStandards.Link(await db.LinkedAsync(call, cancellationToken)),
            call.PlannedBeneficiaries);
    }

    /// <summary>Reads the changes an amendment recorded ("Summary", "Budget:old:new", "ClosesAt:old:new").</summary>
    private static AmendmentView ToView(Amendment amendment)
    {
        var changes = new List<AmendmentChangeView>();
        foreach (var change in amendment.Changes)
        {
            var kind = change.Split(':', 2)[0];
            if (kind is "Budget" or "MaxPerProject")
            {
                var parts = change.Split(':');
                var from = parts.Length == 3 && decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var f) ? f : (decimal?)null;
                var to = parts.Length == 3 && decimal.TryParse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var t) ? t : (decimal?)null;
                changes.Add(new AmendmentChangeView(kind, FromAmount: from, ToAmount: to));
            }
            else if (kind == "ClosesAt")
            {
                // The ISO instants contain colons themselves; the amendment keeps both as typed values too.
                changes.Add(new AmendmentChangeView(kind, FromDate: amendment.PreviousClosesAt, ToDate: amendment.NewClosesAt));
            }
            else
            {
                changes.Add(new AmendmentChangeView(kind));
            }
        }

        return new AmendmentView(amendment.Number, amendment.At, amendment.Reason, changes);
    }
}
