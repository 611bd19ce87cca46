using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialOrder.Web.Authorization;
using SocialOrder.Web.Controllers;

namespace SocialOrder.Web.Areas.Observer.Controllers;

/// <summary>Every page of the Observer area: its route prefix and the role it requires.</summary>
[Area("Observer")]
[Authorize(Policy = Policies.Observer)]
[CallOfOwnBody]
[AgreementOfOwnBody]
public abstract class ObserverController : PortalController;
