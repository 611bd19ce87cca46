using Mediator;
using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Monitoring.GetVisits;
using SocialOrder.Web.Models;

namespace SocialOrder.Web.ViewComponents;

/// <summary>The monitoring visits and corrective actions of an agreement, rendered into the agreement page of every area with one line.</summary>
public sealed class AgreementVisitsViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid agreementId, string area)
    {
        var result = await sender.Send(new GetVisitsQuery(agreementId), HttpContext.RequestAborted);
        return result.IsSuccess ? View(VisitsViewModel.View, new VisitsViewModel(result.Value, area)) : Content(string.Empty);
    }
}
