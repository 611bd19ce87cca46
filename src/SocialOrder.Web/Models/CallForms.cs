using System.ComponentModel.DataAnnotations;
using System.Globalization;
using SocialOrder.Application.Calls.Catalogue;
using SocialOrder.Application.Calls.GetCallQuestions;
using SocialOrder.Application.Calls.PublicCall;
using SocialOrder.Application.Calls.SubscribeToCalls;
using SocialOrder.Application.Calls.Subscriptions;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Domain.Calls;

namespace SocialOrder.Web.Models;

/// <summary>The catalogue's GET form; the field names are the (short, bookmarkable) query string.</summary>
public sealed class CatalogueForm
{
    public string? Search { get; set; }

    public int? Region { get; set; }

    public int? Area { get; set; }

    public Instrument? Instrument { get; set; }

    public CallTerm? Term { get; set; }

    public CallPhase? Status { get; set; }

    public decimal? MinBudget { get; set; }

    public decimal? MaxBudget { get; set; }

    public CatalogueSort Sort { get; set; } = CatalogueSort.Newest;

    public int Page { get; set; } = 1;

    public GetCallCatalogueQuery ToQuery() =>
        new(Search, Region, Area, Instrument, Term, Status, MinBudget, MaxBudget, Sort, Page);

    /// <summary>The query string of this search on another page; empty filters are left out.</summary>
    public Dictionary<string, string> RouteValues(int page)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[name] = value;
            }
        }

        var invariant = CultureInfo.InvariantCulture;
        Add("search", Search);
        Add("status", Status?.ToString().ToLowerInvariant());
        Add("region", Region?.ToString(invariant));
        Add("area", Area?.ToString(invariant));
        Add("instrument", Instrument?.ToString());
        Add("term", Term?.ToString());
        Add("minBudget", MinBudget?.ToString(invariant));
        Add("maxBudget", MaxBudget?.ToString(invariant));
        Add("sort", Sort == CatalogueSort.Newest ? null : Sort.ToString().ToLowerInvariant());
        Add("page", page > 1 ? page.ToString(invariant) : null);
        return values;
    }
}

public sealed class SubscriptionForm
{
    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [EmailAddress(ErrorMessage = "Validation.EmailValidator")]
    [Display(Name = "Field.Email")]
    public string? Email { get; set; }

    [Display(Name = "Subscription.Region")]
    public int? RegionId { get; set; }

    [Display(Name = "Subscription.Area")]
    public int? PriorityAreaId { get; set; }

    public SubscribeToCallsCommand ToCommand(string culture) => new(Email ?? string.Empty, RegionId, PriorityAreaId, culture);
}

public sealed class QuestionForm
{
    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [Display(Name = "CallPage.YourQuestion")]
    public string? Question { get; set; }
}

/// <summary>The catalogue page; <see cref="Refused"/> when the filters could not be searched and say why beside the fields.</summary>
public sealed record CatalogueModel(CatalogueForm Filter, CataloguePage Page, SubscriptionForm Subscription, bool Refused = false);

public sealed record SubscribeModel(SubscriptionForm Form, IReadOnlyList<ReferenceItem> Regions, IReadOnlyList<ReferenceItem> PriorityAreas);

public sealed record CallPageModel(PublicCallView Call, IReadOnlyList<QuestionView> Questions, QuestionForm Ask, SocialOrder.Application.Awards.GetCallResults.CallResults? Results = null)
{
    /// <summary>Complaints about the results and their answers (ADR 28), newest first.</summary>
    public IReadOnlyList<SocialOrder.Application.Appeals.GetPublicAppeals.PublicAppeal> Appeals { get; init; } = [];

    /// <summary>Protocols issued before an upheld complaint reopened the decision, kept public.</summary>
    public IReadOnlyList<SocialOrder.Application.Awards.GetProtocolVersions.ProtocolVersionView> EarlierProtocols { get; init; } = [];

    /// <summary>The funded projects' implementation: status, tranches paid, accepted reports.</summary>
    public IReadOnlyList<SocialOrder.Application.Calls.GetCallImplementation.PublicProject> Projects { get; init; } = [];
}

/// <summary>The confirm and unsubscribe pages: the token from the e-mail, and whether the action has been done.</summary>
public sealed record SubscriptionActionModel(string Token, bool? Succeeded);
