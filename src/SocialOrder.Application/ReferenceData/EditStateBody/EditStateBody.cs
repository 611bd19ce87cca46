using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.ReferenceData.EditStateBody;

/// <summary>An administrator corrects a state body's names (kk, ru, en), BIN or region (ADR 31); audited.</summary>
public sealed record EditStateBodyCommand(Guid Id, string NameKk, string NameRu, string? NameEn, string Bin, int? RegionId)
    : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("StateBody", Id.ToString());
}

public sealed class EditStateBodyCommandValidator : AbstractValidator<EditStateBodyCommand>
{
    public EditStateBodyCommandValidator()
    {
        RuleFor(c => c.NameKk).NotEmpty().MaximumLength(300).NoMarkup();
        RuleFor(c => c.NameRu).NotEmpty().MaximumLength(300).NoMarkup();
        RuleFor(c => c.NameEn).MaximumLength(300).NoMarkup();
        RuleFor(c => c.Bin).NotEmpty().Must(b => Bin.IsValid(b)).WithErrorCode("Organization.BinInvalid");
    }
}

public sealed class EditStateBodyCommandHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<EditStateBodyCommand, Result>
{
    public async ValueTask<Result> Handle(EditStateBodyCommand command, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Administrator))
        {
            return Result.Forbidden();
        }

        var id = new StateBodyId(command.Id);
        var body = await db.StateBodies.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (body is null)
        {
            return Result.NotFound();
        }

        if (await db.StateBodies.AnyAsync(b => b.Bin == command.Bin && b.Id != id, cancellationToken))
        {
            return Result.Invalid("StateBody.BinTaken", nameof(command.Bin));
        }

        RegionId? region = command.RegionId is { } r ? new RegionId(r) : null;
        if (region is { } rid && !await db.Regions.AnyAsync(x => x.Id == rid, cancellationToken))
        {
            return Result.Invalid("Validation.UnknownRegion", nameof(command.RegionId));
        }

        body.Edit(
            new LocalizedText(command.NameKk.Trim(), command.NameRu.Trim(), string.IsNullOrWhiteSpace(command.NameEn) ? null : command.NameEn.Trim()),
            command.Bin,
            region);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
