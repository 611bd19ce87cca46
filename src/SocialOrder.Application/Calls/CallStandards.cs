using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Standards;

namespace SocialOrder.Application.Calls;

/// <summary>A call's service standard as pages show it: the version it links to, with a link to its public page.</summary>
public sealed record StandardLink(string Code, int Version, LocalizedText Title, StandardStatus Status);

/// <summary>What the standards ask of a call: the version it links to, and whether its priority area requires one (ADR 26).</summary>
internal static class CallStandards
{
    public static async Task<ServiceStandard?> LinkedAsync(this IAppDbContext db, Call call, CancellationToken cancellationToken) =>
        call.StandardId is { } id ? await db.ServiceStandards.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) : null;

    public static async Task<StandardRequirement> RequirementAsync(this IAppDbContext db, Call call, ServiceStandard? linked, CancellationToken cancellationToken)
    {
        var areaHasStandard = call.PriorityAreaId is { } area
            && await db.ServiceStandards.AnyAsync(s => s.PriorityAreaId == area && s.Status == StandardStatus.Published, cancellationToken);
        return new StandardRequirement(areaHasStandard, linked is null ? call.StandardId is null : linked.Status == StandardStatus.Published);
    }

    public static StandardLink? Link(ServiceStandard? standard) =>
        standard is null ? null : new StandardLink(standard.Code, standard.Version, standard.Title, standard.Status);
}
