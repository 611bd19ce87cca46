using Microsoft.Extensions.Configuration;
using SocialOrder.Application.Common.Files;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>The scanner's mode as each environment's settings files give it (ADR 14).</summary>
public sealed class UploadScannerConfigurationTests
{
    [Theory]
    [InlineData("Production", ScannerMode.Required)]
    [InlineData("Staging", ScannerMode.Required)]
    [InlineData("Development", ScannerMode.WhenAvailable)]
    public void ScannerMode_FromTheSettingsFiles_FailsClosedEverywhereButDevelopment(string environment, ScannerMode expected)
    {
        var web = Path.Combine(Resources.RepositoryRoot, "src", "SocialOrder.Web");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(web, "appsettings.json"), optional: false)
            .AddJsonFile(Path.Combine(web, $"appsettings.{environment}.json"), optional: true)
            .Build();

        var options = new UploadScanOptions();
        configuration.GetSection(UploadScanOptions.Section).Bind(options);

        Assert.Equal(expected, options.Mode);
    }
}
