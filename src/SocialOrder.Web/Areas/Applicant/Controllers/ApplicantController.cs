using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialOrder.Web.Authorization;
using SocialOrder.Web.Controllers;

namespace SocialOrder.Web.Areas.Applicant.Controllers;

/// <summary>Every page of the Applicant area: its route prefix and the role it requires.</summary>
[Area("Applicant")]
[Authorize(Policy = Policies.Applicant)]
public abstract class ApplicantController : PortalController;
