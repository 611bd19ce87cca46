using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.ReferenceData.CreateStateBody;

public sealed record CreateStateBodyCommand(string NameKk, string NameRu, string? NameEn, string Bin, StateBodyKind Kind, int? RegionId)
    : ICommand<Result<Guid>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("StateBody", null);
}

public sealed class CreateStateBodyCommandValidator : AbstractValidator<CreateStateBodyCommand>
{
    public CreateStateBodyCommandValidator()
    {
        RuleFor(c => c.NameKk).NotEmpty().MaximumLength(300).NoMarkup();
        RuleFor(c => c.NameRu).NotEmpty().MaximumLength(300).NoMarkup();
        RuleFor(c => c.NameEn).MaximumLength(300).NoMarkup();
        RuleFor(c => c.Bin).NotEmpty().Matches("^[0-9]{12}$").WithErrorCode("Validation.BinFormat");
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.RegionId).NotNull().When(c => c.Kind == StateBodyKind.Akimat).WithErrorCode("Rule.AkimatMustHaveRegion");
    }
}

public sealed class CreateStateBodyCommandHandler(IAppDbContext db, ICurrentUser user)
    : ICommandHandler<CreateStateBodyCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(CreateStateBodyCommand command, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Administrator))
        {
            return Result<Guid>.Forbidden();
        }

        if (await db.StateBodies.AnyAsync(b => b.Bin == command.Bin, cancellationToken))
        {
            return Result<Guid>.Invalid("StateBody.BinTaken", nameof(command.Bin));
        }

        RegionId? region = command.RegionId is { } r ? new RegionId(r) : null;
        if (region is { } rid && !await db.Regions.AnyAsync(x => x.Id == rid, cancellationToken))
        {
            return Result<Guid>.Invalid("Validation.UnknownRegion", nameof(command.RegionId));
        }

        var body = StateBody.Create(
            new LocalizedText(command.NameKk.Trim(), command.NameRu.Trim(), string.IsNullOrWhiteSpace(command.NameEn) ? null : command.NameEn.Trim()),
            command.Bin,
            command.Kind,
            region);
        db.StateBodies.Add(body);
        await db.SaveChangesAsync(cancellationToken);
        return body.Id.Value;
    }
}
