using System.Security.Cryptography;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Domain.Organizations;

public readonly record struct OrganizationId(Guid Value)
{
    public static OrganizationId New() => new(Guid.CreateVersion7());
}

public enum LegalForm
{
    PublicAssociation,
    PublicFoundation,
    PrivateInstitution,
    AssociationOfLegalEntities,
    NonProfitJointStockCompany,
    ReligiousAssociation,
}

public enum MemberRole
{
    Administrator,
    Member,
}

public sealed record OrganizationDetails(
    LocalizedText Name,
    LegalForm LegalForm,
    RegionId RegionId,
    string Address,
    string Phone,
    string Email,
    string HeadName,
    string? NgoDatabaseNumber);

public sealed class OrganizationMember
{
    private OrganizationMember()
    {
    }

    public OrganizationMember(Guid userId, MemberRole role, DateTimeOffset joinedAt)
    {
        UserId = userId;
        Role = role;
        JoinedAt = joinedAt;
    }

    public Guid UserId { get; private set; }

    public MemberRole Role { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }
}

public sealed class Invitation
{
    private Invitation()
    {
        Email = Token = string.Empty;
    }

    public Invitation(string email, string token, Guid invitedBy, DateTimeOffset invitedAt)
    {
        Email = email;
        Token = token;
        InvitedBy = invitedBy;
        InvitedAt = invitedAt;
    }

    public string Email { get; private set; }

    public string Token { get; private set; }

    public Guid InvitedBy { get; private set; }

    public DateTimeOffset InvitedAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public Guid? AcceptedBy { get; private set; }

    public bool IsOpenAt(DateTimeOffset now) => AcceptedAt is null && now < InvitedAt.AddDays(Organization.InvitationDays);

    internal void Accept(Guid userId, DateTimeOffset now)
    {
        AcceptedAt = now;
        AcceptedBy = userId;
    }
}

/// <summary>An NGO on the portal: identified by its BIN (unique), acting through its members.</summary>
public sealed class Organization : Entity
{
    public const int InvitationDays = 14;

    private readonly List<OrganizationMember> _members = [];
    private readonly List<Invitation> _invitations = [];

    private Organization()
    {
        Name = null!;
        Address = Phone = Email = HeadName = string.Empty;
    }

    public OrganizationId Id { get; private set; }

    public Bin Bin { get; private set; }

    public LocalizedText Name { get; private set; }

    public LegalForm LegalForm { get; private set; }

    public RegionId RegionId { get; private set; }

    public string Address { get; private set; }

    public string Phone { get; private set; }

    public string Email { get; private set; }

    public string HeadName { get; private set; }

    /// <summary>The number in the national NGO database, when the organization is registered there.</summary>
    public string? NgoDatabaseNumber { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<OrganizationMember> Members => _members;

    public IReadOnlyList<Invitation> Invitations => _invitations;

    public static Organization Register(Bin bin, OrganizationDetails details, Guid founderUserId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var organization = new Organization
        {
            Id = OrganizationId.New(),
            Bin = bin,
            CreatedAt = now,
        };
        organization.Apply(details);
        organization._members.Add(new OrganizationMember(founderUserId, MemberRole.Administrator, now));
        return organization;
    }

    public bool IsMember(Guid userId) => _members.Any(m => m.UserId == userId);

    public bool IsAdministrator(Guid userId) => _members.Any(m => m.UserId == userId && m.Role == MemberRole.Administrator);

    public void UpdateDetails(Guid byUserId, OrganizationDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        CheckRule(new OnlyOrganizationAdministratorManagesRule(this, byUserId));
        Apply(details);
    }

    public Invitation Invite(Guid byUserId, string email, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        CheckRule(new OnlyOrganizationAdministratorManagesRule(this, byUserId));
        var normalized = email.Trim().ToLowerInvariant();
        var invitation = new Invitation(normalized, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)), byUserId, now);
        _invitations.Add(invitation);
        return invitation;
    }

    public void AcceptInvitation(string token, Guid userId, string userEmail, DateTimeOffset now)
    {
        var invitation = _invitations.SingleOrDefault(i => i.Token == token);
        CheckRule(new InvitationMustBeOpenAndAddressedToYouRule(invitation, userEmail, now));
        invitation!.Accept(userId, now);
        if (!IsMember(userId))
        {
            _members.Add(new OrganizationMember(userId, MemberRole.Member, now));
        }
    }

    public void RemoveMember(Guid byUserId, Guid memberUserId)
    {
        CheckRule(new OnlyOrganizationAdministratorManagesRule(this, byUserId));
        var member = _members.SingleOrDefault(m => m.UserId == memberUserId);
        if (member is null)
        {
            return;
        }

        CheckRule(new OrganizationKeepsAnAdministratorRule(_members.Count(m => m.Role == MemberRole.Administrator && m.UserId != memberUserId)));
        _members.Remove(member);
    }

    private void Apply(OrganizationDetails d)
    {
        Name = d.Name;
        LegalForm = d.LegalForm;
        RegionId = d.RegionId;
        Address = d.Address.Trim();
        Phone = d.Phone.Trim();
        Email = d.Email.Trim();
        HeadName = d.HeadName.Trim();
        NgoDatabaseNumber = string.IsNullOrWhiteSpace(d.NgoDatabaseNumber) ? null : d.NgoDatabaseNumber.Trim();
    }
}

public sealed class OnlyOrganizationAdministratorManagesRule(Organization organization, Guid userId) : IBusinessRule
{
    public bool IsBroken() => !organization.IsAdministrator(userId);

    public string MessageKey => "Rule.OnlyOrganizationAdministrator";
}

public sealed class OrganizationKeepsAnAdministratorRule(int remainingAdministrators) : IBusinessRule
{
    public bool IsBroken() => remainingAdministrators == 0;

    public string MessageKey => "Rule.OrganizationKeepsAnAdministrator";
}

public sealed class InvitationMustBeOpenAndAddressedToYouRule(Invitation? invitation, string userEmail, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() =>
        invitation is null || !invitation.IsOpenAt(now) || !string.Equals(invitation.Email, userEmail.Trim(), StringComparison.OrdinalIgnoreCase);

    public string MessageKey => "Rule.InvitationInvalid";
}
