using System.Text.RegularExpressions;
using Mediator;
using NetArchTest.Rules;

namespace SocialOrder.ArchitectureTests;

/// <summary>One folder and one file per use case; handlers never call one another (ADR 1, ADR 23).</summary>
public sealed partial class UseCaseTests
{
    private static readonly Type[] MessageInterfaces = [typeof(ICommand), typeof(ICommand<>), typeof(IQuery<>), typeof(IRequest), typeof(IRequest<>)];
    private static readonly Type[] HandlerInterfaces =
        [typeof(ICommandHandler<>), typeof(ICommandHandler<,>), typeof(IQueryHandler<,>), typeof(IRequestHandler<>), typeof(IRequestHandler<,>), typeof(INotificationHandler<>)];

    [Fact]
    public void EveryCommandAndQuery_LivesInAFileNamedAfterItsUseCase()
    {
        var declared = SourceFiles()
            .SelectMany(f => MessageDeclaration().Matches(File.ReadAllText(f)).Select(m => (File: f, Name: m.Groups["name"].Value, UseCase: m.Groups["case"].Value)))
            .ToList();
        Assert.NotEmpty(declared);

        // The pending two-factor sign-in query is read only by SignInWithCode, beside which it lives.
        var misplaced = declared.Where(d => Path.GetFileNameWithoutExtension(d.File) != d.UseCase && d.Name != "PendingTwoFactorSignInQuery")
            .Select(d => $"{d.Name} in {Relative(d.File)}").ToList();
        Assert.True(misplaced.Count == 0, "Not in <UseCase>.cs: " + string.Join(", ", misplaced));

        var messages = LayerTests.Application.GetTypes().Where(t => t.IsClass && Implements(t, MessageInterfaces)).ToList();
        var undeclared = messages.Select(t => t.Name).Except(declared.Select(d => d.Name)).ToList();
        Assert.True(undeclared.Count == 0, "Messages not named …Command or …Query: " + string.Join(", ", undeclared));
        Assert.Equal(messages.Count, declared.Count);
    }

    [Fact]
    public void EveryApplicationFile_DeclaresTheNamespaceOfItsFolder()
    {
        var wrong = SourceFiles()
            .Select(f => (File: f, Declared: NamespaceDeclaration().Match(File.ReadAllText(f)).Groups["ns"].Value))
            .Where(x => x.Declared != ExpectedNamespace(x.File))
            .Select(x => $"{Relative(x.File)} declares {x.Declared}").ToList();

        Assert.True(wrong.Count == 0, string.Join(", ", wrong));
    }

    [Fact]
    public void EveryUseCaseFolder_HoldsTheHandlerOfItsMessage()
    {
        var handlers = LayerTests.Application.GetTypes().Where(t => t.IsClass && Implements(t, HandlerInterfaces)).ToList();
        var messages = LayerTests.Application.GetTypes().Where(t => t.IsClass && Implements(t, MessageInterfaces)).ToList();

        var apart = messages
            .Where(m => !handlers.Any(h => h.Name == m.Name + "Handler" && h.Namespace == m.Namespace))
            .Select(m => m.FullName).ToList();
        Assert.True(apart.Count == 0, "Messages without a handler beside them: " + string.Join(", ", apart));
    }

    [Fact]
    public void Handlers_DoNotDependOnOtherHandlers()
    {
        var handlers = LayerTests.Application.GetTypes().Where(t => t.IsClass && Implements(t, HandlerInterfaces)).ToList();
        Assert.True(handlers.Count > 50);

        var offenders = new List<string>();
        foreach (var handler in handlers)
        {
            var others = handlers.Where(h => h != handler).Select(h => h.FullName!).ToArray();
            var result = Types.InAssembly(LayerTests.Application).That().HaveName(handler.Name).And().ResideInNamespace(handler.Namespace!)
                .ShouldNot().HaveDependencyOnAny(others).GetResult();
            if (!result.IsSuccessful)
            {
                offenders.Add(handler.FullName!);
            }
        }

        Assert.True(offenders.Count == 0, "Handlers that reach another handler: " + string.Join(", ", offenders));
    }

    private static bool Implements(Type type, Type[] interfaces) =>
        type.GetInterfaces().Any(i => interfaces.Contains(i.IsGenericType ? i.GetGenericTypeDefinition() : i));

    private static string ApplicationFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SocialOrder.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "src", "SocialOrder.Application");
    }

    private static IEnumerable<string> SourceFiles()
    {
        var root = ApplicationFolder();
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Relative(f).StartsWith("obj", StringComparison.Ordinal) && !Relative(f).StartsWith("bin", StringComparison.Ordinal));
    }

    private static string Relative(string file) => Path.GetRelativePath(ApplicationFolder(), file).Replace('\\', '/');

    private static string ExpectedNamespace(string file)
    {
        var folder = Path.GetDirectoryName(Relative(file))!.Replace('/', '.');
        return folder.Length == 0 ? "SocialOrder.Application" : "SocialOrder.Application." + folder;
    }

    [GeneratedRegex(@"\b(?:record|class)\s+(?<name>(?<case>\w+?)(?:Command|Query))\b(?!\w)")]
    private static partial Regex MessageDeclaration();

    [GeneratedRegex(@"^namespace\s+(?<ns>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();
}
