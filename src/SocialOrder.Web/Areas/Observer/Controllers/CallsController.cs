using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Evaluation;
using SocialOrder.Application.Evaluation.GetObservedCall;
using SocialOrder.Application.Evaluation.GetObservedCalls;

namespace SocialOrder.Web.Areas.Observer.Controllers;

/// <summary>A Public Council observer follows the calls of their state body: progress, flags, ranking and decision, read-only.</summary>
public sealed class CallsController : ObserverController
{
    [HttpGet]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default) => View(await Sender.Send(new GetObservedCallsQuery(page), ct));

    [HttpGet]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var result = await Sender.Send(new GetObservedCallQuery(id), ct);
        return FailurePage(result) ?? View(result.Value);
    }
}
