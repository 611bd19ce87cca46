using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Evaluation;

/// <summary>What an expert candidate fills in: areas, regions, languages, a short CV, consent, and capacity per call.</summary>
public sealed record ExpertProfileForm(
    IReadOnlyList<int> PriorityAreaIds, IReadOnlyList<int> RegionIds, bool ReadsKazakh, bool ReadsRussian, string Cv, bool Consent, int MaxBidsPerCall);

public sealed record ExpertProfileView(ExpertProfileForm Form, ExpertStatus? Status, string? Candidacy, IReadOnlyList<Unavailability> Unavailability);

public sealed record GetMyExpertProfileQuery : IQuery<ExpertProfileView?>;

public sealed class GetMyExpertProfileQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetMyExpertProfileQuery, ExpertProfileView?>
{
    public async ValueTask<ExpertProfileView?> Handle(GetMyExpertProfileQuery query, CancellationToken cancellationToken)
    {
        if (user.Id is not { } id)
        {
            return null;
        }

        var candidacy = await db.QueryUsers(null).Where(u => u.Id == id).Select(u => u.ExpertCandidacy).SingleOrDefaultAsync(cancellationToken);
        if (candidacy is null)
        {
            return null;
        }

        var p = await db.ExpertProfiles.AsNoTracking().SingleOrDefaultAsync(e => e.UserId == id, cancellationToken);
        return p is null
            ? new ExpertProfileView(new ExpertProfileForm([], [], false, false, string.Empty, false, 10), null, candidacy, [])
            : new ExpertProfileView(
                new ExpertProfileForm(p.PriorityAreaIds, p.RegionIds, p.Languages.HasFlag(ExpertLanguages.Kazakh), p.Languages.HasFlag(ExpertLanguages.Russian), p.Cv, true, p.MaxBidsPerCall),
                p.Status, candidacy, p.Unavailability);
    }
}

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

/// <summary>An approved expert sets how many bids of one call they can take and when they are away.</summary>
public sealed record SetAvailabilityCommand(int MaxBidsPerCall, IReadOnlyList<Unavailability> Periods) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("ExpertProfile", null);
}

public sealed class SetAvailabilityCommandValidator : AbstractValidator<SetAvailabilityCommand>
{
    public SetAvailabilityCommandValidator()
    {
        RuleFor(c => c.MaxBidsPerCall).InclusiveBetween(1, ExpertProfile.MaxCapacity).WithErrorCode("Rule.ExpertCapacityRange");
        RuleFor(c => c.Periods).Must(p => p.Count <= 20).WithErrorCode("Expert.TooManyPeriods");
        RuleForEach(c => c.Periods).Must(p => p.To >= p.From).WithErrorCode("Rule.UnavailabilityEndsBeforeStart");
        RuleForEach(c => c.Periods).Must(p => p.Note is null || p.Note.Length <= 200).WithErrorCode("Expert.NoteTooLong");
    }
}

public sealed class SetAvailabilityCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<SetAvailabilityCommand, Result>
{
    public async ValueTask<Result> Handle(SetAvailabilityCommand command, CancellationToken cancellationToken)
    {
        var profile = user.Id is { } id ? await db.ExpertProfiles.SingleOrDefaultAsync(e => e.UserId == id, cancellationToken) : null;
        if (profile is null)
        {
            return Result.NotFound();
        }

        profile.SetAvailability(command.MaxBidsPerCall, command.Periods, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

public sealed record ExpertPoolRow(
    Guid UserId, string FullName, string Email, IReadOnlyList<int> PriorityAreaIds, IReadOnlyList<int> RegionIds, ExpertLanguages Languages,
    int MaxBidsPerCall, int OpenAssignments, int LoadInCall, bool AvailableNow, string Cv);

public sealed record GetExpertPoolQuery(int? PriorityAreaId, int? RegionId, string? Language, string? Search, Guid? CallId, int Page = 1) : IQuery<PagedList<ExpertPoolRow>?>;

/// <summary>Officials (and administrators) browse approved experts with filters and see each one's current load.</summary>
public sealed class GetExpertPoolQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<GetExpertPoolQuery, PagedList<ExpertPoolRow>?>
{
    public async ValueTask<PagedList<ExpertPoolRow>?> Handle(GetExpertPoolQuery query, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Official) && !user.IsInRole(Roles.Administrator))
        {
            return null;
        }

        var experts = db.ExpertProfiles.AsNoTracking().Where(e => e.Status == ExpertStatus.Approved);
        if (query.PriorityAreaId is { } area)
        {
            experts = experts.Where(e => e.PriorityAreaIds.Contains(area));
        }

        if (query.RegionId is { } region)
        {
            experts = experts.Where(e => e.RegionIds.Contains(region));
        }

        if (query.Language is "kk" or "ru")
        {
            var flag = query.Language == "kk" ? ExpertLanguages.Kazakh : ExpertLanguages.Russian;
            experts = experts.Where(e => (e.Languages & flag) == flag);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            experts = experts.Where(e => e.FullName.ToLower().Contains(term) || e.Email.ToLower().Contains(term));
        }

        var (page, size) = Paging.Normalize(query.Page, Paging.DefaultPageSize);
        var total = await experts.CountAsync(cancellationToken);
        var callId = query.CallId is { } c ? new Domain.Calls.CallId(c) : (Domain.Calls.CallId?)null;
        var rows = await experts.OrderBy(e => e.FullName).ThenBy(e => e.UserId).Skip((page - 1) * size).Take(size)
            .Select(e => new
            {
                e.UserId, e.FullName, e.Email, e.PriorityAreaIds, e.RegionIds, e.Languages, e.MaxBidsPerCall, e.Unavailability, e.Cv,
                Open = db.ExpertAssignments.Count(a => a.ExpertId == e.UserId &&
                    (a.Status == AssignmentStatus.Proposed || a.Status == AssignmentStatus.Assigned || a.Status == AssignmentStatus.Accepted) && a.SheetStatus != SheetStatus.Submitted),
                InCall = callId == null ? 0 : db.ExpertAssignments.Count(a => a.ExpertId == e.UserId && a.CallId == callId &&
                    (a.Status == AssignmentStatus.Proposed || a.Status == AssignmentStatus.Assigned || a.Status == AssignmentStatus.Accepted)),
            })
            .ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(Domain.Common.KazakhstanTime.ToLocal(time.GetUtcNow()).DateTime);
        return new PagedList<ExpertPoolRow>(
            rows.Select(r => new ExpertPoolRow(
                r.UserId, r.FullName, r.Email, r.PriorityAreaIds, r.RegionIds, r.Languages, r.MaxBidsPerCall, r.Open, r.InCall,
                !r.Unavailability.Any(p => p.From <= today && p.To >= today), r.Cv)).ToList(),
            page, size, total);
    }
}

public sealed record ExpertCandidateView(Guid UserId, string FullName, string Email, IReadOnlyList<int> PriorityAreaIds, IReadOnlyList<int> RegionIds, ExpertLanguages Languages, string Cv, int MaxBidsPerCall, ExpertStatus Status, DateTimeOffset ConsentedAt);

/// <summary>An expert candidate's profile, for the administrator deciding on them.</summary>
public sealed record GetExpertCandidateQuery(Guid UserId) : IQuery<ExpertCandidateView?>;

public sealed class GetExpertCandidateQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetExpertCandidateQuery, ExpertCandidateView?>
{
    public async ValueTask<ExpertCandidateView?> Handle(GetExpertCandidateQuery query, CancellationToken cancellationToken) =>
        !user.IsInRole(Roles.Administrator)
            ? null
            : await db.ExpertProfiles.AsNoTracking().Where(e => e.UserId == query.UserId)
                .Select(e => new ExpertCandidateView(e.UserId, e.FullName, e.Email, e.PriorityAreaIds, e.RegionIds, e.Languages, e.Cv, e.MaxBidsPerCall, e.Status, e.ConsentedAt))
                .SingleOrDefaultAsync(cancellationToken);
}
