using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialOrder.Web.Authorization;
using SocialOrder.Web.Controllers;

namespace SocialOrder.Web.Areas.Organizer.Controllers;

/// <summary>Every page of the Organizer area: its route prefix and the role it requires.</summary>
[Area("Organizer")]
[Authorize(Policy = Policies.Official)]
[CallOfOwnBody]
[AgreementOfOwnBody]
public abstract class OrganizerController : PortalController;
