using System.ComponentModel.DataAnnotations;
using SocialOrder.Application.Organizations;
using SocialOrder.Application.Organizations.GetOrganization;
using SocialOrder.Application.Organizations.RegisterOrganization;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Domain.Organizations;

namespace SocialOrder.Web.Areas.Applicant.Models;

public sealed class OrganizationForm
{
    [Display(Name = "Organization.Field.Bin")]
    public string? Bin { get; set; }

    [Display(Name = "Organization.Field.NameKk")]
    public string? NameKk { get; set; }

    [Display(Name = "Organization.Field.NameRu")]
    public string? NameRu { get; set; }

    [Display(Name = "Organization.Field.LegalForm")]
    public LegalForm LegalForm { get; set; } = LegalForm.PublicAssociation;

    [Display(Name = "Field.Region")]
    public int? RegionId { get; set; }

    [Display(Name = "Organization.Field.Address")]
    public string? Address { get; set; }

    [Display(Name = "Organization.Field.Phone")]
    public string? Phone { get; set; }

    [Display(Name = "Organization.Field.Email")]
    public string? Email { get; set; }

    [Display(Name = "Organization.Field.HeadName")]
    public string? HeadName { get; set; }

    [Display(Name = "Organization.Field.InNgoDatabase")]
    public bool InNgoDatabase { get; set; }

    [Display(Name = "Organization.Field.NgoDatabaseNumber")]
    public string? NgoDatabaseNumber { get; set; }

    public RegisterOrganizationCommand ToCommand() =>
        new(Bin, NameKk, NameRu, LegalForm, RegionId, Address, Phone, Email, HeadName, InNgoDatabase, NgoDatabaseNumber);
}

public sealed record RegisterOrganizationPage(OrganizationForm Form, ReferenceDataView Reference);

public sealed record OrganizationPage(OrganizationView Organization, string? InviteEmail);
