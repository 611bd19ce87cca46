using Microsoft.AspNetCore.Identity;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Infrastructure.Identity;

namespace SocialOrder.Web.Infrastructure;

/// <summary>
/// <c>--create-admin EMAIL [FULL NAME]</c>: the first administrator of a portal without demo data. The account has no
/// password; the command prints a one-time link where its owner sets one, and exits.
/// </summary>
public static class AdminBootstrap
{
    public static async Task<int?> CreateAdminIfRequestedAsync(WebApplication app, string[] args)
    {
        var at = Array.IndexOf(args, "--create-admin");
        if (at < 0)
        {
            return null;
        }

        var email = at + 1 < args.Length ? args[at + 1].Trim() : string.Empty;
        if (!System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            await Console.Error.WriteLineAsync("--create-admin needs an e-mail address, e.g. --create-admin it@ministry.gov.kz \"Full Name\"");
            return 2;
        }

        var fullName = at + 2 < args.Length && !args[at + 2].StartsWith("--", StringComparison.Ordinal) ? args[at + 2] : email;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser
            {
                Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, FullName = fullName,
                CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                await Console.Error.WriteLineAsync("The account could not be created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
                return 1;
            }
        }

        if (!await users.IsInRoleAsync(user, Roles.Administrator))
        {
            await users.AddToRoleAsync(user, Roles.Administrator);
        }

        var token = await scope.ServiceProvider.GetRequiredService<IIdentityService>().GeneratePasswordResetTokenAsync(email);
        var link = PortalLinksSetup.ConfiguredBaseUrl(app.Configuration) is null
            ? $"/Account/ResetPassword?userId={user.Id}&code={token!.Value.Token} (after the portal's address)"
            : scope.ServiceProvider.GetRequiredService<IPortalLinks>().ResetPassword(user.Id, token!.Value.Token);
        await Console.Out.WriteLineAsync($"Administrator {email} is ready. Set the password at: {link}");
        return 0;
    }
}
