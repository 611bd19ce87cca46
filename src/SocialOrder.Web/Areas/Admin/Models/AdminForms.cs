using System.ComponentModel.DataAnnotations;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Web.Areas.Admin.Models;

public sealed class CreateStaffForm
{
    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [Display(Name = "Field.FullName")]
    public string FullName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [EmailAddress(ErrorMessage = "Validation.EmailValidator")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;

    [Display(Name = "Field.Role")]
    public string Role { get; set; } = Roles.Official;

    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [Display(Name = "Field.StateBody")]
    public Guid? StateBodyId { get; set; }
}

public sealed record CreateStaffPage(CreateStaffForm Form, IReadOnlyList<StateBodyItem> StateBodies);

public sealed record UsersPage(
    PagedList<UserSummary> Users, string? Search, string? Role, bool Pending, IReadOnlyDictionary<Guid, StateBodyItem> StateBodies);

public sealed class CreateStateBodyForm
{
    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [Display(Name = "Field.NameKk")]
    public string NameKk { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [Display(Name = "Field.NameRu")]
    public string NameRu { get; set; } = string.Empty;

    [Display(Name = "Field.NameEn")]
    public string? NameEn { get; set; }

    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [Display(Name = "Field.Bin")]
    public string Bin { get; set; } = string.Empty;

    [Display(Name = "Field.StateBodyKind")]
    public StateBodyKind Kind { get; set; } = StateBodyKind.Ministry;

    [Display(Name = "Field.Region")]
    public int? RegionId { get; set; }
}

public sealed record StateBodiesPage(CreateStateBodyForm Form, ReferenceDataView Reference);

public sealed class EditStateBodyForm
{
    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [Display(Name = "Field.NameKk")]
    public string NameKk { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [Display(Name = "Field.NameRu")]
    public string NameRu { get; set; } = string.Empty;

    [Display(Name = "Field.NameEn")]
    public string? NameEn { get; set; }

    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [Display(Name = "Field.Bin")]
    public string Bin { get; set; } = string.Empty;

    [Display(Name = "Field.Region")]
    public int? RegionId { get; set; }
}

public sealed record EditStateBodyPage(Guid Id, string Kind, EditStateBodyForm Form, ReferenceDataView Reference);

public sealed class ReferenceItemForm
{
    public SocialOrder.Application.ReferenceData.EditReferenceItem.ReferenceList List { get; set; }

    public int Id { get; set; }

    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [Display(Name = "Field.NameKk")]
    public string NameKk { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [Display(Name = "Field.NameRu")]
    public string NameRu { get; set; } = string.Empty;

    [Display(Name = "Field.NameEn")]
    public string? NameEn { get; set; }

    [Display(Name = "Admin.Reference.Active")]
    public bool IsActive { get; set; } = true;
}

public sealed record ReferenceDataPage(ReferenceDataView Reference, ReferenceItemForm? Failed);

public sealed record OrganizationsPage(PagedList<SocialOrder.Application.Organizations.GetOrganizationsForAdmin.AdminOrganizationItem> Organizations, string? Search, IReadOnlyDictionary<string, ReferenceItem> Regions);
