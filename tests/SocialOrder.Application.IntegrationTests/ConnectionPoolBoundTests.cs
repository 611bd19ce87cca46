using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialOrder.Testing;
using SocialOrder.Web.Infrastructure;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>The connection pool is bounded (ADR 30): Database:MaxPoolSize, else the connection string's own, else 4 per core.</summary>
public sealed class ConnectionPoolBoundTests
{
    private static IConfiguration Settings(string? maxPoolSize) => new ConfigurationBuilder()
        .AddInMemoryCollection(maxPoolSize is null ? [] : [new KeyValuePair<string, string?>("Database:MaxPoolSize", maxPoolSize)])
        .Build();

    private static int MaxPoolSize(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize;

    [Fact]
    public void WithoutASetting_FourConnectionsPerCore()
    {
        var bounded = DatabaseConnection.WithPoolBound("Host=db;Database=socialorder;Username=portal", Settings(null));

        Assert.Equal(4 * Environment.ProcessorCount, MaxPoolSize(bounded));
        Assert.Equal("db", new NpgsqlConnectionStringBuilder(bounded).Host);
    }

    [Fact]
    public void TheSetting_WinsOverTheConnectionString_WhichOtherwiseKeepsItsOwn()
    {
        Assert.Equal(3, MaxPoolSize(DatabaseConnection.WithPoolBound("Host=db;Maximum Pool Size=50;Minimum Pool Size=10", Settings("3"))));
        Assert.Equal(50, MaxPoolSize(DatabaseConnection.WithPoolBound("Host=db;MaxPoolSize=50", Settings(null))));
        Assert.Equal(50, MaxPoolSize(DatabaseConnection.WithPoolBound("Host=db;maxpoolsize=50", Settings(null))));
    }

    [Fact]
    public async Task ThePortal_UsesTheBoundedPool()
    {
        await using var app = new PortalFactory();
        await app.InitializeAsync();

        var connection = app.Services.GetRequiredService<DatabaseConnection>().ConnectionString;

        Assert.Equal(DatabaseConnection.DefaultMaxPoolSize, MaxPoolSize(connection));
    }
}
