using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.ReferenceData.EditReferenceItem;

public enum ReferenceList
{
    Region,
    PriorityArea,
}

/// <summary>
/// An administrator renames a region or a priority area (kk, ru, en) or sets it inactive (ADR 31): records are never
/// deleted, since calls, organizations and experts refer to them; an inactive item is only no longer offered.
/// </summary>
public sealed record EditReferenceItemCommand(ReferenceList List, int Id, string NameKk, string NameRu, string? NameEn, bool IsActive)
    : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => (List.ToString(), Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class EditReferenceItemCommandValidator : AbstractValidator<EditReferenceItemCommand>
{
    public EditReferenceItemCommandValidator()
    {
        RuleFor(c => c.List).IsInEnum();
        RuleFor(c => c.NameKk).NotEmpty().MaximumLength(200).NoMarkup();
        RuleFor(c => c.NameRu).NotEmpty().MaximumLength(200).NoMarkup();
        RuleFor(c => c.NameEn).MaximumLength(200).NoMarkup();
    }
}

public sealed class EditReferenceItemCommandHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<EditReferenceItemCommand, Result>
{
    public async ValueTask<Result> Handle(EditReferenceItemCommand command, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Administrator))
        {
            return Result.Forbidden();
        }

        var name = new LocalizedText(command.NameKk.Trim(), command.NameRu.Trim(), string.IsNullOrWhiteSpace(command.NameEn) ? null : command.NameEn.Trim());
        if (command.List == ReferenceList.Region)
        {
            var id = new RegionId(command.Id);
            if (await db.Regions.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } region)
            {
                return Result.NotFound();
            }

            region.Rename(name);
            region.SetActive(command.IsActive);
        }
        else
        {
            var id = new PriorityAreaId(command.Id);
            if (await db.PriorityAreas.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } area)
            {
                return Result.NotFound();
            }

            area.Rename(name);
            area.SetActive(command.IsActive);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
