using SocialOrder.Infrastructure.Persistence;

namespace SocialOrder.Web.Infrastructure;

/// <summary>
/// The demo accounts share one password printed in the README, administrator included: a Production portal neither
/// creates them nor starts with one present, unless Portal:AllowDemoAccounts says this is a demonstration.
/// </summary>
public static class DemoAccountsGuard
{
    public const string AllowKey = "Portal:AllowDemoAccounts";

    public static void RefuseDemoSeedInProduction(IHostEnvironment environment, IConfiguration configuration, bool seedDemo)
    {
        if (seedDemo && environment.IsProduction() && !configuration.GetValue<bool>(AllowKey))
        {
            throw new PortalConfigurationException(
                "Demo data was asked for (Seed__Demo or --seed-demo) in Production, where its accounts' published password would open the portal. " +
                "Set Portal__AllowDemoAccounts=true as well if this is a demonstration.");
        }
    }

    public static async Task RefuseDemoAccountsInProductionAsync(IServiceProvider services, IHostEnvironment environment, IConfiguration configuration)
    {
        if (environment.IsProduction() && !configuration.GetValue<bool>(AllowKey) && await DemoDataSeeder.AnyDemoAccountAsync(services))
        {
            throw new PortalConfigurationException(
                "This Production database holds demo accounts (e.g. admin@socialorder.kz) whose password is published. " +
                "Delete them, or set Portal__AllowDemoAccounts=true if this is a demonstration.");
        }
    }
}

/// <summary>
/// The first thing the started portal does, before any background work: in Production, refuse to serve without the
/// public address or with the demo accounts present (the checks also run when a test host starts the portal).
/// </summary>
public sealed class ProductionGuard(IServiceProvider services, IHostEnvironment environment, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        PortalLinksSetup.EnsureConfigured(configuration, environment);
        await DemoAccountsGuard.RefuseDemoAccountsInProductionAsync(services, environment, configuration);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
