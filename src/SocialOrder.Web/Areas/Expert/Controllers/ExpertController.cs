using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialOrder.Web.Authorization;
using SocialOrder.Web.Controllers;

namespace SocialOrder.Web.Areas.Expert.Controllers;

/// <summary>Every page of the Expert area: its route prefix and the role it requires.</summary>
[Area("Expert")]
[Authorize(Policy = Policies.Expert)]
public abstract class ExpertController : PortalController;
