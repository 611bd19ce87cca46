using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Evaluation.SaveExpertProfile;

/// <summary>What an expert candidate fills in: areas, regions, languages, a short CV, consent, and capacity per call.</summary>
public sealed record ExpertProfileForm(
    IReadOnlyList<int> PriorityAreaIds, IReadOnlyList<int> RegionIds, bool ReadsKazakh, bool ReadsRussian, string Cv, bool Consent, int MaxBidsPerCall);

/// <summary>An expert candidate (or an approved expert) saves their profile; an approved expert stays approved.</summary>
public sealed record SaveExpertProfileCommand(ExpertProfileForm Form) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("ExpertProfile", null);
}

public sealed class SaveExpertProfileCommandValidator : AbstractValidator<SaveExpertProfileCommand>
{
    public SaveExpertProfileCommandValidator()
    {
        RuleFor(c => c.Form.PriorityAreaIds).NotEmpty().WithErrorCode("Expert.AreasRequired").OverridePropertyName("PriorityAreaIds");
        RuleFor(c => c.Form.ReadsKazakh).Must((c, kk) => kk || c.Form.ReadsRussian).WithErrorCode("Expert.LanguageRequired").OverridePropertyName("ReadsKazakh");
        RuleFor(c => c.Form.Cv).NotEmpty().WithErrorCode("Expert.CvRequired").MaximumLength(4000).NoMarkup().OverridePropertyName("Cv");
        RuleFor(c => c.Form.Consent).Equal(true).WithErrorCode("Rule.ExpertConsentRequired").OverridePropertyName("Consent");
        RuleFor(c => c.Form.MaxBidsPerCall).InclusiveBetween(1, ExpertProfile.MaxCapacity).WithErrorCode("Rule.ExpertCapacityRange").OverridePropertyName("MaxBidsPerCall");
    }
}

public sealed class SaveExpertProfileCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<SaveExpertProfileCommand, Result>
{
    public async ValueTask<Result> Handle(SaveExpertProfileCommand command, CancellationToken cancellationToken)
    {
        if (user.Id is not { } id)
        {
            return Result.NotFound();
        }

        var account = await db.QueryUsers(null).Where(u => u.Id == id).Select(u => new { u.ExpertCandidacy, u.Email, u.FullName }).SingleOrDefaultAsync(cancellationToken);
        if (account?.ExpertCandidacy is null)
        {
            return Result.NotFound();
        }

        var f = command.Form;
        var known = await db.PriorityAreas.AsNoTracking().Select(a => a.Id).ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().Select(r => r.Id).ToListAsync(cancellationToken);
        var areaIds = f.PriorityAreaIds.Select(a => new PriorityAreaId(a)).Where(known.Contains).ToList();
        var regionIds = f.RegionIds.Select(r => new RegionId(r)).Where(regions.Contains).ToList();
        var languages = (f.ReadsKazakh ? ExpertLanguages.Kazakh : ExpertLanguages.None) | (f.ReadsRussian ? ExpertLanguages.Russian : ExpertLanguages.None);
        var now = time.GetUtcNow();
        var profile = await db.ExpertProfiles.SingleOrDefaultAsync(e => e.UserId == id, cancellationToken);
        if (profile is null)
        {
            db.ExpertProfiles.Add(ExpertProfile.Apply(id, account.FullName, account.Email, areaIds, regionIds, languages, f.Cv, f.Consent, f.MaxBidsPerCall, now));
        }
        else
        {
            profile.Update(account.FullName, account.Email, areaIds, regionIds, languages, f.Cv, f.Consent, f.MaxBidsPerCall, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
