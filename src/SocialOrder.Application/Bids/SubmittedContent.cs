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
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Bids;

/// <summary>Reads the canonical JSON of a submission (the bytes its receipt hashes) back into the bid's content.</summary>
public static class SubmittedContent
{
    public static BidContent Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        string S(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() ?? string.Empty : string.Empty;
        decimal D(JsonElement e, string name) => decimal.Parse(S(e, name), CultureInfo.InvariantCulture);
        return new BidContent(
            S(r, "Title"), S(r, "Summary"), S(r, "Problem"), S(r, "TargetGroup"), S(r, "Objectives"),
            [.. r.GetProperty("Activities").EnumerateArray().Select(a => new Activity(S(a, "Name"), a.GetProperty("StartMonth").GetInt32(), a.GetProperty("EndMonth").GetInt32()))],
            S(r, "ExpectedResults"),
            [.. r.GetProperty("Indicators").EnumerateArray().Select(i => new Indicator(S(i, "Name"), S(i, "Baseline"), S(i, "Target")))],
            S(r, "Sustainability"), S(r, "Team"),
            [.. r.GetProperty("Budget").EnumerateArray().Select(b => new BudgetLine(b.GetProperty("Year").GetInt32(), Enum.Parse<BudgetCategory>(S(b, "Category")), S(b, "Description"), D(b, "Amount")))],
            D(r, "RequestedAmount"), D(r, "CoFinancing"));
    }
}
