using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Identity;

namespace SocialOrder.Infrastructure.Persistence;

/// <summary>Two state bodies and one account per role, for a newcomer to explore; idempotent.</summary>
public static class DemoDataSeeder
{
    public const string DemoPassword = "SocialOrder-Demo-2026";

    public const string MinistryBin = "050540004455";
    public const string AkimatBin = "120240021112";

    public static IReadOnlyList<(string Email, string FullName, string Role, string? StateBodyBin)> Accounts { get; } =
    [
        ("admin@socialorder.kz", "Администратор портала", Roles.Administrator, null),
        ("official@socialorder.kz", "Айгерим Сейтқали", Roles.Official, MinistryBin),
        ("official.almaty@socialorder.kz", "Нурлан Касымов", Roles.Official, AkimatBin),
        ("secretary@socialorder.kz", "Дина Абдрахманова", Roles.Official, MinistryBin),
        ("applicant@socialorder.kz", "Данияр Ахметов", Roles.Applicant, null),
        ("expert@socialorder.kz", "Гульнара Есенова", Roles.Expert, null),
        ("expert2@socialorder.kz", "Ерлан Нұрланұлы", Roles.Expert, null),
        ("expert3@socialorder.kz", "Сауле Бекова", Roles.Expert, null),
        ("expert4@socialorder.kz", "Асхат Тулегенов", Roles.Expert, null),
        ("expert5@socialorder.kz", "Жанар Омарова", Roles.Expert, null),
        ("expert6@socialorder.kz", "Ольга Ким", Roles.Expert, null),
        ("observer@socialorder.kz", "Марат Жумабаев", Roles.Observer, MinistryBin),
    ];

    /// <summary>Whether any demo account (whose password is in the README) exists in this database.</summary>
    public static async Task<bool> AnyDemoAccountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var (email, _, _, _) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                return true;
            }
        }

        return false;
    }

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = services.GetRequiredService<RoleManager<ApplicationRole>>();
        var time = services.GetRequiredService<TimeProvider>();

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new ApplicationRole(role));
            }
        }

        await EnsureStateBodyAsync(
            db,
            new LocalizedText(
                "Қазақстан Республикасы Мәдениет және ақпарат министрлігінің Азаматтық қоғам істері комитеті",
                "Комитет по делам гражданского общества Министерства культуры и информации Республики Казахстан",
                "Civil Society Affairs Committee, Ministry of Culture and Information of the Republic of Kazakhstan"),
            MinistryBin,
            StateBodyKind.Ministry,
            null,
            cancellationToken);
        await EnsureStateBodyAsync(
            db,
            new LocalizedText(
                "Алматы қаласының Ішкі саясат басқармасы",
                "Управление внутренней политики города Алматы",
                "Internal Policy Department of Almaty City"),
            AkimatBin,
            StateBodyKind.Akimat,
            new RegionId(19),
            cancellationToken);

        foreach (var (email, name, role, bin) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            Guid? bodyId = bin is null ? null : (await db.StateBodies.SingleAsync(b => b.Bin == bin, cancellationToken)).Id.Value;
            var user = new ApplicationUser
            {
                Id = Guid.CreateVersion7(),
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = name,
                StateBodyId = bodyId,
                ExpertCandidacy = role == Roles.Expert ? "Approved" : null,
                CreatedAt = time.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Demo account " + email + ": " + string.Join("; ", created.Errors.Select(e => e.Code)));
            }

            await users.AddToRoleAsync(user, role);
        }

        await EnsureExpertProfilesAsync(db, users, time, cancellationToken);
    }

    /// <summary>Every demo expert is an approved member of the pool, knowing all priority areas and two regions each.</summary>
    private static async Task EnsureExpertProfilesAsync(AppDbContext db, UserManager<ApplicationUser> users, TimeProvider time, CancellationToken cancellationToken)
    {
        var areas = await db.PriorityAreas.AsNoTracking().Select(a => a.Id).ToListAsync(cancellationToken);
        var experts = Accounts.Where(a => a.Role == Roles.Expert).ToList();
        for (var i = 0; i < experts.Count; i++)
        {
            var user = await users.FindByEmailAsync(experts[i].Email);
            if (user is null || await db.ExpertProfiles.AnyAsync(p => p.UserId == user.Id, cancellationToken))
            {
                continue;
            }

            var now = time.GetUtcNow();
            var profile = Domain.Evaluation.ExpertProfile.Apply(
                user.Id, user.FullName, user.Email!, areas, [new RegionId(1 + (i * 3 % 20)), new RegionId(1 + ((i * 3 + 1) % 20))],
                Domain.Evaluation.ExpertLanguages.Kazakh | Domain.Evaluation.ExpertLanguages.Russian,
                "Тәжірибесі 10 жылдан астам: әлеуметтік жобаларды бағалау. Опыт оценки социальных проектов НПО более 10 лет.", true, 20, now);
            profile.Decide(true, now);
            db.ExpertProfiles.Add(profile);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<ApplicationRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new ApplicationRole(role));
            }
        }
    }

    private static async Task EnsureStateBodyAsync(
        AppDbContext db, LocalizedText name, string bin, StateBodyKind kind, RegionId? region, CancellationToken cancellationToken)
    {
        if (!await db.StateBodies.AnyAsync(b => b.Bin == bin, cancellationToken))
        {
            db.StateBodies.Add(StateBody.Create(name, bin, kind, region));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
