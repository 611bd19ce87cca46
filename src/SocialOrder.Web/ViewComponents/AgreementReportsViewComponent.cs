using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Reports.GetAgreementReports;
using SocialOrder.Web.Models;

namespace SocialOrder.Web.ViewComponents;

/// <summary>The reports part of an agreement's page (reports due and their state, the plan's progress), one line in the page.</summary>
public sealed class AgreementReportsViewComponent(Mediator.ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid agreementId, string area)
    {
        var result = await sender.Send(new GetAgreementReportsQuery(agreementId), HttpContext.RequestAborted);
        return result.IsSuccess ? View(new AgreementReportsViewModel(result.Value, area)) : Content(string.Empty);
    }
}
