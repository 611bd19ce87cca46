using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Organizations;

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

public sealed record MemberView(Guid UserId, string Email, string FullName, MemberRole Role, DateTimeOffset JoinedAt);

public sealed record InvitationView(string Email, DateTimeOffset InvitedAt, DateTimeOffset? AcceptedAt);

public sealed record OrganizationView(
    Guid Id, string Bin, LocalizedText Name, LegalForm LegalForm, LocalizedText Region, string Address, string Phone, string Email,
    string HeadName, string? NgoDatabaseNumber, bool YouAreAdministrator, IReadOnlyList<MemberView> Members, IReadOnlyList<InvitationView> Invitations);

public sealed record MyOrganizationRow(Guid Id, string Bin, LocalizedText Name, MemberRole Role);

public sealed record GetMyOrganizationsQuery : IQuery<IReadOnlyList<MyOrganizationRow>>;

public sealed class GetMyOrganizationsQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetMyOrganizationsQuery, IReadOnlyList<MyOrganizationRow>>
{
    public async ValueTask<IReadOnlyList<MyOrganizationRow>> Handle(GetMyOrganizationsQuery query, CancellationToken cancellationToken)
    {
        if (user.Id is not { } userId)
        {
            return [];
        }

        var rows = await db.Organizations.AsNoTracking()
            .Where(o => o.Members.Any(m => m.UserId == userId))
            .OrderBy(o => o.Name.Ru)
            .Select(o => new { o.Id, o.Bin, o.Name, Role = o.Members.First(m => m.UserId == userId).Role })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MyOrganizationRow(r.Id.Value, r.Bin.Value, r.Name, r.Role)).ToList();
    }
}

/// <summary>An organization as its members see it; anyone else gets null (404).</summary>
public sealed record GetOrganizationQuery(Guid OrganizationId) : IQuery<OrganizationView?>;

public sealed class GetOrganizationQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetOrganizationQuery, OrganizationView?>
{
    public async ValueTask<OrganizationView?> Handle(GetOrganizationQuery query, CancellationToken cancellationToken)
    {
        var id = new OrganizationId(query.OrganizationId);
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null || user.Id is not { } userId || !organization.IsMember(userId))
        {
            return null;
        }

        var memberIds = organization.Members.Select(m => m.UserId).ToList();
        var people = await db.QueryUsers(null).Where(u => memberIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var region = await db.Regions.AsNoTracking().Where(r => r.Id == organization.RegionId).Select(r => r.Name).SingleAsync(cancellationToken);
        return new OrganizationView(
            organization.Id.Value, organization.Bin.Value, organization.Name, organization.LegalForm, region, organization.Address,
            organization.Phone, organization.Email, organization.HeadName, organization.NgoDatabaseNumber, organization.IsAdministrator(userId),
            organization.Members
                .Select(m => new MemberView(m.UserId, people.GetValueOrDefault(m.UserId)?.Email ?? string.Empty, people.GetValueOrDefault(m.UserId)?.FullName ?? string.Empty, m.Role, m.JoinedAt))
                .OrderBy(m => m.JoinedAt)
                .ToList(),
            organization.Invitations.OrderByDescending(i => i.InvitedAt).Select(i => new InvitationView(i.Email, i.InvitedAt, i.AcceptedAt)).ToList());
    }
}

/// <summary>The organization's administrator invites a colleague by e-mail; the link is valid for 14 days.</summary>
public sealed record InviteMemberCommand(Guid OrganizationId, string? Email, string Culture) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Organization", OrganizationId.ToString());
}

public sealed class InviteMemberCommandValidator : AbstractValidator<InviteMemberCommand>
{
    public InviteMemberCommandValidator() => RuleFor(c => c.Email).NotEmpty().MaximumLength(256).EmailAddress();
}

public sealed class InviteMemberCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IEmailQueue emails, IPortalLinks links)
    : ICommandHandler<InviteMemberCommand, Result>
{
    public async ValueTask<Result> Handle(InviteMemberCommand c, CancellationToken cancellationToken)
    {
        var id = new OrganizationId(c.OrganizationId);
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null || user.Id is not { } userId || !organization.IsMember(userId))
        {
            return Result.NotFound();
        }

        var invitation = organization.Invite(userId, c.Email!, time.GetUtcNow());
        var link = links.JoinOrganization(invitation.Token);
        emails.Enqueue(OrganizationEmails.Invitation(invitation.Email, organization.Name, link, c.Culture));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

/// <summary>The invited person, signed in with the invited address, joins the organization.</summary>
public sealed record AcceptInvitationCommand(string Token) : ICommand<Result<Guid>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Organization", null);
}

public sealed class AcceptInvitationCommandHandler(IAppDbContext db, ICurrentUser user, IIdentityService identity, TimeProvider time)
    : ICommandHandler<AcceptInvitationCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(AcceptInvitationCommand c, CancellationToken cancellationToken)
    {
        if (user.Id is not { } userId || !user.IsInRole(Roles.Applicant) || await identity.FindAsync(userId) is not { } me)
        {
            return Result<Guid>.Forbidden();
        }

        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Invitations.Any(i => i.Token == c.Token), cancellationToken);
        if (organization is null)
        {
            return Result<Guid>.Failure(ResultStatus.RuleBroken, [new Error("Rule.InvitationInvalid")]);
        }

        organization.AcceptInvitation(c.Token, userId, me.Email, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return organization.Id.Value;
    }
}

public sealed record RemoveMemberCommand(Guid OrganizationId, Guid UserId) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Organization", OrganizationId.ToString());
}

public sealed class RemoveMemberCommandHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<RemoveMemberCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveMemberCommand c, CancellationToken cancellationToken)
    {
        var id = new OrganizationId(c.OrganizationId);
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null || user.Id is not { } userId || !organization.IsMember(userId))
        {
            return Result.NotFound();
        }

        organization.RemoveMember(userId, c.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

internal static class OrganizationEmails
{
    public static EmailMessage Invitation(string to, LocalizedText organization, string link, string culture)
    {
        var name = System.Net.WebUtility.HtmlEncode(organization.For(culture));
        var (subject, text) = culture switch
        {
            "kk" => ("SocialOrder: ұйымға шақыру", $"Сізді «{name}» ұйымына SocialOrder порталында қосылуға шақырады. Осы мекенжаймен кіріп, сілтемені басыңыз (14 күн жарамды):"),
            "en" => ("SocialOrder: invitation to join an organization", $"You are invited to join “{name}” on SocialOrder. Sign in with this address and follow the link (valid for 14 days):"),
            _ => ("SocialOrder: приглашение в организацию", $"Вас приглашают присоединиться к организации «{name}» на портале SocialOrder. Войдите с этим адресом и перейдите по ссылке (действует 14 дней):"),
        };
        var safeLink = System.Net.WebUtility.HtmlEncode(link);
        return new EmailMessage(to, subject, $"<p>{text}</p><p><a href=\"{safeLink}\">{safeLink}</a></p>");
    }
}
