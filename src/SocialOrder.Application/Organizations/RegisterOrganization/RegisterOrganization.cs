using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Organizations;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Organizations.RegisterOrganization;

/// <summary>An applicant registers their NGO and becomes its first administrator. A BIN is registered once.</summary>
public sealed record RegisterOrganizationCommand(
    string? Bin,
    string? NameKk,
    string? NameRu,
    LegalForm LegalForm,
    int? RegionId,
    string? Address,
    string? Phone,
    string? Email,
    string? HeadName,
    bool InNgoDatabase,
    string? NgoDatabaseNumber) : ICommand<Result<Guid>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Organization", null);
}

public sealed class RegisterOrganizationCommandValidator : AbstractValidator<RegisterOrganizationCommand>
{
    public RegisterOrganizationCommandValidator()
    {
        RuleFor(c => c.Bin).NotEmpty().Must(b => Bin.IsValid(b?.Trim())).WithErrorCode("Organization.BinInvalid");
        RuleFor(c => c.NameKk).NotEmpty().MaximumLength(500).NoMarkup();
        RuleFor(c => c.NameRu).NotEmpty().MaximumLength(500).NoMarkup();
        RuleFor(c => c.LegalForm).IsInEnum();
        RuleFor(c => c.RegionId).NotNull();
        RuleFor(c => c.Address).NotEmpty().MaximumLength(500).NoMarkup();
        RuleFor(c => c.Phone).NotEmpty().MaximumLength(50).Matches(@"^[0-9+()\-\s]{6,50}$").WithErrorCode("Organization.PhoneInvalid");
        RuleFor(c => c.Email).NotEmpty().MaximumLength(256).EmailAddress();
        RuleFor(c => c.HeadName).NotEmpty().MaximumLength(200).NoMarkup();
        RuleFor(c => c.NgoDatabaseNumber).NotEmpty().MaximumLength(50).NoMarkup().When(c => c.InNgoDatabase);
    }
}

public sealed class RegisterOrganizationCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time)
    : ICommandHandler<RegisterOrganizationCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(RegisterOrganizationCommand c, CancellationToken cancellationToken)
    {
        if (user.Id is not { } userId || !user.IsInRole(Roles.Applicant))
        {
            return Result<Guid>.Forbidden();
        }

        var bin = Bin.Parse(c.Bin!.Trim());
        if (await db.Organizations.AnyAsync(o => o.Bin == bin, cancellationToken))
        {
            return Result<Guid>.Invalid("Organization.BinTaken", nameof(c.Bin));
        }

        var region = new RegionId(c.RegionId!.Value);
        if (!await db.Regions.AnyAsync(r => r.Id == region, cancellationToken))
        {
            return Result<Guid>.Invalid("Validation.UnknownRegion", nameof(c.RegionId));
        }

        var organization = Organization.Register(
            bin,
            new OrganizationDetails(
                new LocalizedText(c.NameKk!.Trim(), c.NameRu!.Trim()), c.LegalForm, region, c.Address!, c.Phone!, c.Email!, c.HeadName!,
                c.InNgoDatabase ? c.NgoDatabaseNumber : null),
            userId,
            time.GetUtcNow());
        db.Organizations.Add(organization);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two people registering the same BIN at once: the unique index decides, the loser gets the field message.
            if (await db.Organizations.AsNoTracking().AnyAsync(o => o.Bin == bin, cancellationToken))
            {
                return Result<Guid>.Invalid("Organization.BinTaken", nameof(c.Bin));
            }

            throw;
        }

        return organization.Id.Value;
    }
}
