using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Identity;

namespace SocialOrder.Infrastructure.Persistence;

/// <summary>
/// For the deadline-spike load script: one open call and N organizations, each with an applicant and a ready
/// draft, so that the script only has to sign in and press "Submit". Not used by the portal itself.
/// </summary>
public static class SpikeSeeder
{
    public const string Password = "Spike-Password-2026";

    public static async Task<Guid> SeedAsync(IServiceProvider services, int organizations, int minutesToDeadline, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var body = await db.StateBodies.AsNoTracking().FirstAsync(b => b.Bin == DemoDataSeeder.MinistryBin, cancellationToken);

        var call = Call.CreateDraft($"SPIKE-{now:HHmmss}", body.Id, new CallContent(
            new LocalizedText("Жүктеме сынағы", "Нагрузочный тест"), new LocalizedText("Сынақ", "Тест"), new LocalizedText("Сынақ", "Тест"),
            new LocalizedText("Барлығы", "Все"), new PriorityAreaId(1), null, Instrument.StateGrant, 1_000_000_000m, 2_000_000m, 12, CallTerm.Short, [],
            now.AddHours(-1), now.AddMinutes(minutesToDeadline), [], DefaultMethodology.Criteria, 3, 30m, 50m), now);
        call.Publish(now);
        db.Calls.Add(call);
        await db.SaveChangesAsync(cancellationToken);

        var hash = users.PasswordHasher.HashPassword(new ApplicationUser(), Password);
        var content = new BidContent(
            "Жобаның атауы", "Краткое описание", "Проблема", "Молодёжь", "Цели", [new Activity("Тренинги", 1, 6)], "Результаты",
            [new Indicator("Участники", "0", "100")], "Устойчивость", "Команда", [new BudgetLine(1, BudgetCategory.Staff, "Тренеры", 1_000_000m)], 1_000_000m, 0m);
        var binSeed = 200_000_000L + (now.ToUnixTimeSeconds() % 100_000) * 1_000;
        for (var i = 1; i <= organizations; i++)
        {
            var email = $"spike{i}@load.test";
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new ApplicationUser
                {
                    Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, FullName = "Spike " + i, CreatedAt = now, PasswordHash = hash,
                };
                await users.CreateAsync(user);
                await users.AddToRoleAsync(user, Roles.Applicant);
            }

            var bin = NextBin(ref binSeed);
            var organization = Organization.Register(bin, new OrganizationDetails(
                new LocalizedText("Ұйым " + i, "Организация " + i), LegalForm.PublicFoundation, new RegionId(19), "Алматы", "+7 727 000 00 00", email, "Руководитель", null),
                user.Id, now);
            db.Organizations.Add(organization);
            var bid = Bid.Start(call, organization.Id, user.Id, now);
            bid.SaveDraft(call, content, 1, user.Id, now);
            db.Bids.Add(bid);
            if (i % 50 == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return call.Id.Value;
    }

    /// <summary>The next valid BIN (check digit) after the seed: synthetic organizations for seeders.</summary>
    internal static Bin NextBin(ref long seed)
    {
        while (true)
        {
            seed++;
            var prefix = seed.ToString("00000000000", System.Globalization.CultureInfo.InvariantCulture);
            for (var d = 0; d < 10; d++)
            {
                if (Bin.IsValid(prefix + d))
                {
                    return Bin.Parse(prefix + d);
                }
            }
        }
    }
}
