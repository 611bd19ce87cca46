using Mediator;
using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Feedback.GetFeedbackSummary;

namespace SocialOrder.Web.Infrastructure;

/// <summary>The beneficiary ratings summary on a project page; nothing for a reader the query refuses.</summary>
public sealed class FeedbackSummaryViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid agreementId) =>
        await sender.Send(new GetFeedbackSummaryQuery(agreementId), HttpContext.RequestAborted) is { } summary ? View(summary) : Content(string.Empty);
}
