using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Auditing.GetAuditHeads;

namespace SocialOrder.Web.Controllers.Api;

/// <summary>
/// The published heads of the audit chain, newest first, for anyone to keep: a head copied today lets anyone prove
/// tomorrow that the trail up to it was not rewritten (see <c>--verify-audit</c>).
/// </summary>
[ApiController]
[AllowAnonymous]
[Route("api/audit/heads")]
public sealed class AuditHeadsController(ISender sender) : ControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Get([FromQuery] int page = 1, [FromQuery] int pageSize = 100, CancellationToken ct = default)
    {
        var heads = await sender.Send(new GetAuditHeadsQuery(page, pageSize), ct);
        return Ok(new
        {
            page = heads.Page,
            pageSize = heads.PageSize,
            total = heads.TotalCount,
            next = heads.HasNext ? Url.Action(nameof(Get), new { page = heads.Page + 1, pageSize = heads.PageSize }) : null,
            heads = heads.Items.Select(h => new { sequence = h.Sequence, hash = h.Hash, publishedAt = h.PublishedAt }),
        });
    }
}
