using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.OpenData;

/// <summary>
/// Turns events into OCDS 1.1 releases. Each release is the whole public state of the call at its date (tender, bid
/// statistics, awards), so the compiled release is the latest one. Everything a page needs is read in five queries
/// for all its calls together. What is never read cannot leak: no bid content, no commission or expert names, no
/// organization's contacts or head; bid statistics appear only after the deadline, awards only once the decision is locked.
/// Contracts and implementation become one more loader and one more section here, with their own event kinds.
/// </summary>
public sealed class OcdsReleaseBuilder(IAppDbContext db, IOcdsLinks links, Microsoft.Extensions.Options.IOptions<OcdsOptions> options)
{
    public const string BinScheme = "KZ-BIN";

    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string OcidPrefix => options.Value.OcidPrefix;

    public string Ocid(string reference) => $"{options.Value.OcidPrefix}-{reference}";

    public JsonObject Publisher() => new() { ["name"] = options.Value.PublisherName, ["uri"] = links.Api("/api/openapi.json") };

    /// <summary>ISO 8601 with the offset, in Kazakhstan time, to the second.</summary>
    public static string Date(DateTimeOffset at) =>
        KazakhstanTime.ToLocal(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string ReleaseId(string ocid, OcdsEvent e)
    {
        var stamp = e.At.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return e.Key.Length == 0 ? $"{ocid}-{e.Kind}-{stamp}" : $"{ocid}-{e.Kind}-{e.Key}-{stamp}";
    }

    public async Task<IReadOnlyList<JsonObject>> BuildAsync(IReadOnlyList<OcdsEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return [];
        }

        var data = await LoadAsync([.. events.Select(e => e.CallId).Distinct()], cancellationToken);
        return [.. events.Where(e => data.Calls.ContainsKey(e.CallId)).Select(e => Release(data, e))];
    }

    /// <summary>The latest state as a compiled release (every release is a full snapshot, so nothing needs merging).</summary>
    public static JsonObject Compiled(JsonObject latest)
    {
        ArgumentNullException.ThrowIfNull(latest);
        var compiled = (JsonObject)latest.DeepClone();
        compiled["id"] = $"{latest["ocid"]!.GetValue<string>()}-compiled";
        compiled["tag"] = new JsonArray("compiled");
        return compiled;
    }

    private async Task<Snapshot> LoadAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var callIds = ids.Select(i => new CallId(i)).ToList();
        var calls = await db.Calls.AsNoTracking()
            .Where(c => callIds.Contains(c.Id) && c.Status != CallStatus.Draft && c.PublishedAt != null)
            .Select(c => new CallRow(
                c.Id.Value, c.ReferenceNumber, c.StateBodyId, c.Status, c.Title, c.Summary, c.Description, c.Instrument, c.Budget, c.OpensAt, c.ClosesAt,
                c.PublishedAt, c.CancelledAt, c.CancellationReason, c.Criteria, c.ExpertsPerBid, c.MinimumTotalScore, c.Amendments))
            .ToListAsync(cancellationToken);
        var bodyIds = calls.Select(c => c.StateBodyId).Distinct().ToList();
        var bodies = await db.StateBodies.AsNoTracking().Where(b => bodyIds.Contains(b.Id))
            .Select(b => new { b.Id, b.Name, b.Bin }).ToDictionaryAsync(b => b.Id, b => (b.Name, b.Bin), cancellationToken);
        var enquiries = await db.Clarifications.AsNoTracking()
            .Where(q => callIds.Contains(q.CallId) && q.Answer != null && q.AnsweredAt != null)
            .OrderBy(q => q.AskedAt)
            .Select(q => new EnquiryRow(q.CallId.Value, q.Id.Value, q.Question, q.Answer!, q.AskedAt, q.AnsweredAt!.Value))
            .ToListAsync(cancellationToken);
        var counts = await db.Bids.AsNoTracking()
            .Where(b => callIds.Contains(b.CallId) && b.SubmissionCount > 0)
            .GroupBy(b => new { b.CallId, b.Status })
            .Select(g => new { g.Key.CallId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var decisions = await db.AwardDecisions.AsNoTracking()
            .Where(d => callIds.Contains(d.CallId) && d.Status == DecisionStatus.Locked)
            .Select(d => new DecisionRow(d.CallId.Value, d.LockedAt!.Value, d.ProtocolNumber!, d.DecisionSha256!, d.ProtocolKkSha256, d.ProtocolRuSha256))
            .ToDictionaryAsync(d => d.CallId, cancellationToken);
        var awarded = decisions.Keys.Select(k => new CallId(k)).ToList();
        var results = awarded.Count == 0 ? [] : await (
            from b in db.Bids.AsNoTracking()
            join o in db.Organizations.AsNoTracking() on b.OrganizationId equals o.Id
            join s in db.BidSubmissions.AsNoTracking() on b.Id equals s.BidId
            where awarded.Contains(b.CallId) && b.Status == BidStatus.Submitted && s.Version == b.SubmissionCount
            orderby s.ReceiptNumber
            select new ResultRow(b.CallId.Value, s.ReceiptNumber, o.Bin, o.Name, b.Eligibility, b.Outcome, b.AwardedAmount)).ToListAsync(cancellationToken);

        return new Snapshot(
            calls.ToDictionary(c => c.Id),
            bodies,
            enquiries.ToLookup(q => q.CallId),
            counts.GroupBy(c => c.CallId.Value).ToDictionary(
                g => g.Key, g => (Received: g.Where(x => x.Status == BidStatus.Submitted).Sum(x => x.Count), Withdrawn: g.Where(x => x.Status == BidStatus.Withdrawn).Sum(x => x.Count))),
            decisions,
            results.ToLookup(r => r.CallId));
    }

    private JsonObject Release(Snapshot data, OcdsEvent e)
    {
        var call = data.Calls[e.CallId];
        var (bodyName, bin) = data.Bodies[call.StateBodyId];
        var ocid = Ocid(call.Reference);
        var buyer = Party(bin, bodyName, "buyer", "procuringEntity");
        var parties = new JsonArray(buyer);
        var release = new JsonObject
        {
            ["ocid"] = ocid,
            ["id"] = ReleaseId(ocid, e),
            ["date"] = Date(e.At),
            ["tag"] = new JsonArray(Tag(e.Kind)),
            ["initiationType"] = "tender",
            ["language"] = "ru",
            ["parties"] = parties,
            ["buyer"] = Reference(bin, bodyName),
            ["tender"] = Tender(data, call, e, bin, bodyName),
        };

        var closed = call.ClosesAt is { } closes && closes <= e.At && e.Kind is OcdsEventKinds.BidsClosed or OcdsEventKinds.Award or OcdsEventKinds.Cancellation;
        if (closed)
        {
            release["bids"] = Bids(data, call, e);
        }

        if (e.Kind == OcdsEventKinds.Award && data.Decisions.TryGetValue(call.Id, out var decision))
        {
            var awards = new JsonArray();
            foreach (var winner in data.Results[call.Id].Where(r => r.Outcome == AwardOutcome.Awarded && r.Amount > 0))
            {
                parties.Add(Party(winner.Bin.Value, winner.Organization, "supplier", "tenderer"));
                awards.Add(new JsonObject
                {
                    ["id"] = $"award-{winner.Receipt}",
                    ["title"] = call.Title.Ru,
                    ["status"] = "active",
                    ["date"] = Date(decision.LockedAt),
                    ["value"] = Value(winner.Amount!.Value),
                    ["suppliers"] = new JsonArray(Reference(winner.Bin.Value, winner.Organization)),
                    ["documents"] = Protocols(call, decision),
                });
            }

            release["awards"] = awards;
        }

        return release;
    }

    private JsonObject Tender(Snapshot data, CallRow call, OcdsEvent e, string bin, LocalizedText body)
    {
        // The budget and deadline as they stood at the release's date: later amendments are undone from their record.
        var budget = call.Budget;
        var closes = call.ClosesAt;
        foreach (var later in call.Amendments.Where(a => a.At > e.At).OrderByDescending(a => a.Number))
        {
            foreach (var change in later.Changes.Where(c => c.StartsWith("Budget:", StringComparison.Ordinal)))
            {
                var parts = change.Split(':');
                if (parts.Length == 3 && decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var before))
                {
                    budget = before;
                }
            }

            if (later.PreviousClosesAt is { } previous)
            {
                closes = previous;
            }
        }

        var status = e.Kind switch
        {
            OcdsEventKinds.Award => "complete",
            OcdsEventKinds.Cancellation => "cancelled",
            _ => "active",
        };
        var period = new JsonObject();
        if (call.OpensAt is { } opens)
        {
            period["startDate"] = Date(opens);
        }

        if (closes is { } end)
        {
            period["endDate"] = Date(end);
        }

        var tender = new JsonObject
        {
            ["id"] = call.Reference,
            ["title"] = call.Title.Ru,
            ["title_kk"] = call.Title.Kk,
        };
        AddEnglish(tender, "title", call.Title);
        tender["description"] = call.Summary.Ru + "\n\n" + call.Description.Ru;
        tender["description_kk"] = call.Summary.Kk + "\n\n" + call.Description.Kk;
        tender["status"] = status;
        if (e.Kind == OcdsEventKinds.Cancellation && call.CancellationReason is { } reason)
        {
            tender["statusDetails"] = reason;
        }

        tender["procuringEntity"] = Reference(bin, body);
        tender["value"] = Value(budget);
        tender["procurementMethod"] = "open";
        tender["procurementMethodDetails"] = call.Instrument == Instrument.StateGrant ? "Государственный грант" : "Государственный социальный заказ";
        tender["mainProcurementCategory"] = "services";
        tender["awardCriteria"] = "ratedCriteria";
        tender["awardCriteriaDetails"] = Methodology(call, c => c.Ru, "вес", "макс.", "мин.", "баллов", "Минимальный итоговый балл", "экспертов на заявку");
        tender["awardCriteriaDetails_kk"] = Methodology(call, c => c.Kk, "салмағы", "ең көбі", "ең азы", "балл", "Ең аз жалпы балл", "өтінімге сарапшы");
        tender["submissionMethod"] = new JsonArray("electronicSubmission");
        tender["tenderPeriod"] = period;
        tender["enquiryPeriod"] = period.DeepClone();

        var answered = data.Enquiries[call.Id].Where(q => q.AnsweredAt <= e.At).ToList();
        tender["hasEnquiries"] = answered.Count > 0;
        if (answered.Count > 0)
        {
            tender["enquiries"] = new JsonArray([.. answered.Select(q => (JsonNode)new JsonObject
            {
                ["id"] = q.Id.ToString("N"),
                ["date"] = Date(q.AskedAt),
                ["description"] = q.Question,
                ["answer"] = q.Answer,
                ["dateAnswered"] = Date(q.AnsweredAt),
            })]);
        }

        if (closes is { } deadline && deadline <= e.At && data.Counts.TryGetValue(call.Id, out var counted))
        {
            tender["numberOfTenderers"] = counted.Received;
        }

        tender["documents"] = new JsonArray(new JsonObject
        {
            ["id"] = "call-notice",
            ["documentType"] = "tenderNotice",
            ["title"] = call.Title.Ru,
            ["url"] = links.CallPage(call.Id),
            ["datePublished"] = Date(call.PublishedAt!.Value),
            ["format"] = "text/html",
            ["language"] = "ru",
        });

        var amendments = call.Amendments.Where(a => a.At <= e.At).OrderBy(a => a.Number).ToList();
        if (amendments.Count > 0)
        {
            tender["amendments"] = new JsonArray([.. amendments.Select(a => (JsonNode)new JsonObject
            {
                ["id"] = a.Number.ToString(CultureInfo.InvariantCulture),
                ["date"] = Date(a.At),
                ["rationale"] = a.Reason,
                ["description"] = Changes(a),
            })]);
        }

        return tender;
    }

    private static JsonObject Bids(Snapshot data, CallRow call, OcdsEvent e)
    {
        var (received, withdrawn) = data.Counts.GetValueOrDefault(call.Id);
        var date = Date(call.ClosesAt!.Value);
        var statistics = new JsonArray
        {
            Statistic("bids", "bids", received, date),
            Statistic("withdrawn", "withdrawnBids", withdrawn, date),
        };
        var bids = new JsonObject { ["statistics"] = statistics };
        if (e.Kind != OcdsEventKinds.Award)
        {
            return bids;
        }

        // After the award: what the public results and the protocol already show, by receipt number and status only.
        var rows = data.Results[call.Id].ToList();
        var disqualified = rows.Count(r => r.Eligibility is { Eligible: false });
        var decided = Date(e.At);
        statistics.Add(Statistic("valid", "validBids", rows.Count - disqualified, decided));
        statistics.Add(Statistic("disqualified", "disqualifiedBids", disqualified, decided));
        statistics.Add(Statistic("awarded", "awardedBids", rows.Count(r => r.Outcome == AwardOutcome.Awarded && r.Amount > 0), decided));
        bids["details"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
        {
            ["id"] = r.Receipt,
            ["status"] = r.Eligibility is { Eligible: false } ? "disqualified" : "valid",
        })]);
        return bids;
    }

    private JsonArray Protocols(CallRow call, DecisionRow decision)
    {
        var documents = new JsonArray();
        foreach (var (language, sha) in new[] { ("ru", decision.ProtocolRuSha256), ("kk", decision.ProtocolKkSha256) })
        {
            if (sha is null)
            {
                continue;
            }

            documents.Add(new JsonObject
            {
                ["id"] = $"protocol-{language}",
                ["documentType"] = "awardNotice",
                ["title"] = language == "ru" ? $"Протокол {decision.ProtocolNumber}" : $"Хаттама {decision.ProtocolNumber}",
                ["description"] = $"SHA-256 {sha}; decision SHA-256 {decision.DecisionSha256}",
                ["url"] = links.Protocol(call.Id, language),
                ["datePublished"] = Date(decision.LockedAt),
                ["format"] = "application/pdf",
                ["language"] = language,
                ["sha256"] = sha,
            });
        }

        return documents;
    }

    private static string Methodology(CallRow call, Func<LocalizedText, string> text, string weight, string max, string min, string points, string pass, string experts)
    {
        var criteria = call.Criteria.Select(c =>
            $"{c.Code} {text(c.Name)} ({weight} {c.Weight.ToString(CultureInfo.InvariantCulture)}, {max} {c.MaxPoints} {points}" +
            (c.MinPoints is { } m ? $", {min} {m}" : string.Empty) + ")");
        return string.Join("; ", criteria) +
            $". {pass}: {call.MinimumTotalScore.ToString(CultureInfo.InvariantCulture)}; {experts}: {call.ExpertsPerBid}.";
    }

    private static string Changes(Amendment amendment) => string.Join("; ", amendment.Changes.Select(c =>
    {
        var kind = c.Split(':', 2)[0];
        return kind switch
        {
            "ClosesAt" when amendment.PreviousClosesAt is { } from && amendment.NewClosesAt is { } to => $"ClosesAt: {Date(from)} → {Date(to)}",
            "Budget" or "MaxPerProject" when c.Split(':') is { Length: 3 } p => $"{kind}: {p[1]} → {p[2]}",
            _ => kind,
        };
    }));

    private static JsonObject Statistic(string id, string measure, int value, string date) =>
        new() { ["id"] = id, ["measure"] = measure, ["value"] = value, ["date"] = date };

    private static JsonObject Value(decimal amount) => new() { ["amount"] = amount, ["currency"] = "KZT" };

    private static JsonObject Reference(string bin, LocalizedText name) => new() { ["id"] = $"{BinScheme}-{bin}", ["name"] = name.Ru };

    private static JsonObject Party(string bin, LocalizedText name, params string[] roles)
    {
        var party = new JsonObject
        {
            ["id"] = $"{BinScheme}-{bin}",
            ["name"] = name.Ru,
            ["name_kk"] = name.Kk,
        };
        AddEnglish(party, "name", name);
        party["identifier"] = new JsonObject { ["scheme"] = BinScheme, ["id"] = bin, ["legalName"] = name.Ru };
        party["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)JsonValue.Create(r))]);
        return party;
    }

    private static void AddEnglish(JsonObject target, string field, LocalizedText text)
    {
        if (!string.IsNullOrWhiteSpace(text.En))
        {
            target[field + "_en"] = text.En;
        }
    }

    private static string Tag(string kind) => kind switch
    {
        OcdsEventKinds.Tender => "tender",
        OcdsEventKinds.Amendment => "tenderAmendment",
        OcdsEventKinds.Award => "award",
        OcdsEventKinds.Cancellation => "tenderCancellation",
        _ => "tenderUpdate",
    };

    private sealed record CallRow(
        Guid Id, string Reference, StateBodyId StateBodyId, CallStatus Status, LocalizedText Title, LocalizedText Summary, LocalizedText Description,
        Instrument Instrument, decimal Budget, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, DateTimeOffset? PublishedAt, DateTimeOffset? CancelledAt,
        string? CancellationReason, IReadOnlyList<Criterion> Criteria, int ExpertsPerBid, decimal MinimumTotalScore, IReadOnlyList<Amendment> Amendments);

    private sealed record EnquiryRow(Guid CallId, Guid Id, string Question, string Answer, DateTimeOffset AskedAt, DateTimeOffset AnsweredAt);

    private sealed record DecisionRow(Guid CallId, DateTimeOffset LockedAt, string ProtocolNumber, string DecisionSha256, string? ProtocolKkSha256, string? ProtocolRuSha256);

    private sealed record ResultRow(Guid CallId, string Receipt, SocialOrder.Domain.Organizations.Bin Bin, LocalizedText Organization, EligibilityDecision? Eligibility, AwardOutcome? Outcome, decimal? Amount);

    private sealed record Snapshot(
        Dictionary<Guid, CallRow> Calls,
        Dictionary<StateBodyId, (LocalizedText Name, string Bin)> Bodies,
        ILookup<Guid, EnquiryRow> Enquiries,
        Dictionary<Guid, (int Received, int Withdrawn)> Counts,
        Dictionary<Guid, DecisionRow> Decisions,
        ILookup<Guid, ResultRow> Results);
}
