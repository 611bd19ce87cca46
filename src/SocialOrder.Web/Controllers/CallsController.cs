using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using SocialOrder.Application.Calls.AskQuestion;
using SocialOrder.Application.Calls.Catalogue;
using SocialOrder.Application.Calls.GetCallQuestions;
using SocialOrder.Application.Calls.PublicCall;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Application.Common.Models;
using SocialOrder.Web.Authorization;
using SocialOrder.Web.Infrastructure;
using SocialOrder.Web.Models;

namespace SocialOrder.Web.Controllers;

/// <summary>The public catalogue of calls and the page of each call.</summary>
[Route("Calls")]
public sealed class CallsController : PortalController
{
    [HttpGet("")]
    [AllowAnonymous]
    [OutputCache(PolicyName = PublicPageCaching.Policy)]
    public async Task<IActionResult> Index(CatalogueForm filter, CancellationToken ct)
    {
        // A value that does not even parse (letters in an amount) is reported, and the rest of the search still runs.
        var unreadable = ModelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToList();
        ModelState.Clear();
        foreach (var field in unreadable)
        {
            ModelState.AddModelError(field, L["Catalogue.ValueNotUnderstood"]);
        }

        var result = await Sender.Send(filter.ToQuery(), ct);
        HttpContext.CacheAsCataloguePage(result.IsSuccess ? result.Value.NextPhaseChangeAt : null, result.IsSuccess ? result.Value.Now : DateTimeOffset.MinValue);
        if (result.IsSuccess)
        {
            return View(new CatalogueModel(filter, result.Value, new SubscriptionForm { RegionId = filter.Region > 0 ? filter.Region : null, PriorityAreaId = filter.Area }));
        }

        ModelState.AddResultErrors(result, L);
        var reference = await Sender.Send(new GetReferenceDataQuery(), ct);
        var empty = new CataloguePage(new PagedList<CatalogueItem>([], 1, GetCallCatalogueQuery.PageSize, 0), reference.Regions, reference.PriorityAreas, DateTimeOffset.MinValue);
        return View(new CatalogueModel(filter, empty, new SubscriptionForm(), Refused: true));
    }

    [HttpGet("{id:guid}")]
    [AllowAnonymous]
    [OutputCache(PolicyName = PublicPageCaching.Policy)]
    public Task<IActionResult> Details(Guid id, CancellationToken ct) => ShowAsync(new GetPublicCallQuery(id), new QuestionForm(), ct);

    [HttpGet("ref/{reference}")]
    [AllowAnonymous]
    [OutputCache(PolicyName = PublicPageCaching.Policy)]
    public Task<IActionResult> ByReference(string reference, CancellationToken ct) =>
        ShowAsync(new GetPublicCallQuery(null, reference), new QuestionForm(), ct);

    /// <summary>The award protocol exactly as stored when the decision was locked (its SHA-256 is on the call's page).</summary>
    [HttpGet("{id:guid}/protocol/{lang:regex(^(kk|ru)$)}")]
    [AllowAnonymous]
    public async Task<IActionResult> Protocol(Guid id, string lang, int? version, CancellationToken ct)
    {
        var file = await Sender.Send(new Application.Awards.GetProtocolPdf.GetProtocolPdfQuery(
            id, lang == "kk" ? Application.Common.Interfaces.ProtocolLanguage.Kk : Application.Common.Interfaces.ProtocolLanguage.Ru, Version: version), ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    [HttpPost("{id:guid}/questions")]
    [Authorize(Policy = Policies.Applicant)]
    [EnableRateLimiting(RateLimitPolicies.Questions)]
    public async Task<IActionResult> Ask(Guid id, [Bind(Prefix = "Ask")] QuestionForm form, CancellationToken ct)
    {
        var result = await Sender.Send(new AskQuestionCommand(id, form.Question ?? string.Empty), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            AddErrors(result, "Ask");
            return await ShowAsync(new GetPublicCallQuery(id), form, ct);
        }

        Status("CallPage.QuestionSent");
        return Redirect(Url.Action(nameof(Details), new { id }) + "#questions");
    }

    private async Task<IActionResult> ShowAsync(GetPublicCallQuery query, QuestionForm ask, CancellationToken ct)
    {
        var call = await Sender.Send(query, ct);
        if (FailurePage(call) is { } failure)
        {
            return failure;
        }

        // A stored copy of the page (and its results) lives until the call next opens or closes, or changes.
        var c = call.Value;
        HttpContext.CacheAsCallPage(c.Id, c.OpensAt > c.Now ? c.OpensAt : c.ClosesAt > c.Now ? c.ClosesAt : null, c.Now);
        var questions = await Sender.Send(new GetCallQuestionsQuery(call.Value.Id, AnsweredOnly: true), ct);
        var results = call.Value.Phase == Domain.Calls.CallPhase.Awarded ? await Sender.Send(new Application.Awards.GetCallResults.GetCallResultsQuery(call.Value.Id), ct) : null;
        var appeals = call.Value.Phase == Domain.Calls.CallPhase.Awarded ? await Sender.Send(new Application.Appeals.GetPublicAppeals.GetPublicAppealsQuery(call.Value.Id), ct) : [];
        var protocols = call.Value.Phase == Domain.Calls.CallPhase.Awarded ? await Sender.Send(new Application.Awards.GetProtocolVersions.GetProtocolVersionsQuery(call.Value.Id), ct) : [];
        var projects = call.Value.Phase == Domain.Calls.CallPhase.Awarded ? await Sender.Send(new Application.Calls.GetCallImplementation.GetCallImplementationQuery(call.Value.Id), ct) : [];
        return View("Details", new CallPageModel(call.Value, questions, ask, results) { Appeals = appeals, EarlierProtocols = protocols, Projects = projects });
    }
}
