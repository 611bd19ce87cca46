using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using NetArchTest.Rules;
using SocialOrder.Infrastructure.Persistence;

namespace SocialOrder.ArchitectureTests;

/// <summary>The dependency rule of the four layers (ADR 1), checked on the compiled assemblies.</summary>
public sealed class LayerTests
{
    internal static readonly Assembly Domain = typeof(SocialOrder.Domain.Calls.Call).Assembly;
    internal static readonly Assembly Application = typeof(SocialOrder.Application.DependencyInjection).Assembly;
    internal static readonly Assembly Infrastructure = typeof(AppDbContext).Assembly;
    internal static readonly Assembly Web = typeof(Program).Assembly;

    [Fact]
    public void Domain_WhenCompiled_DependsOnlyOnTheBaseLibraryAndMediatorAbstractions()
    {
        var result = Types.InAssembly(Domain).Should()
            .OnlyHaveDependencyOn("System", "Mediator", "SocialOrder.Domain", "Microsoft.CodeAnalysis")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
        Assert.DoesNotContain(Domain.GetReferencedAssemblies(), a => a.Name!.StartsWith("SocialOrder.", StringComparison.Ordinal)
            || a.Name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || a.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Application_WhenCompiled_DoesNotDependOnInfrastructureOrWeb()
    {
        var result = Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("SocialOrder.Infrastructure", "SocialOrder.Web", "Microsoft.AspNetCore", "Npgsql")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
        Assert.DoesNotContain(Application.GetReferencedAssemblies(), a => a.Name is "SocialOrder.Infrastructure" or "SocialOrder.Web");
    }

    [Fact]
    public void Domain_WhenCompiled_DoesNotDependOnApplication()
    {
        var result = Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny("SocialOrder.Application", "SocialOrder.Infrastructure", "SocialOrder.Web").GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Controllers_NeverTouchTheDbContext()
    {
        var controllers = Types.InAssembly(Web).That().Inherit<ControllerBase>();
        Assert.NotEmpty(controllers.GetTypes());

        var result = controllers.ShouldNot()
            .HaveDependencyOnAny(
                typeof(AppDbContext).FullName!,
                typeof(SocialOrder.Application.Common.Interfaces.IAppDbContext).FullName!,
                "Microsoft.EntityFrameworkCore")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void BidsAndEvaluation_DoNotDependOnEachOtherBothWays()
    {
        var bidsOnEvaluation = Types.InAssembly(Application).That().ResideInNamespace("SocialOrder.Application.Bids")
            .ShouldNot().HaveDependencyOnAny("SocialOrder.Application.Evaluation").GetResult();

        Assert.True(bidsOnEvaluation.IsSuccessful, Failing(bidsOnEvaluation));
    }

    internal static string Failing(TestResult result) =>
        string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []);
}
