using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Infrastructure.Pdf;
using SocialOrder.ProtocolBenchmark;

// Either BenchmarkDotNet (any arguments it knows, e.g. --filter '*'), or `--sample <dir>`: render the 500-bid protocol
// in each language, write protocol-kk.pdf and protocol-ru.pdf, and print each render's time (the first one in a fresh
// process, with JIT and font loading; then warm ones) and the process's peak working set.
if (args is ["--sample", var folder])
{
    Directory.CreateDirectory(folder);
    var renderer = new PdfSharpAwardProtocolRenderer(Options.Create(new PdfOptions()));
    var protocol = SyntheticProtocol.Create();
    var first = new Dictionary<ProtocolLanguage, byte[]>();
    foreach (var language in (ProtocolLanguage[])[ProtocolLanguage.Kk, ProtocolLanguage.Ru, ProtocolLanguage.Kk, ProtocolLanguage.Ru])
    {
        var watch = Stopwatch.StartNew();
        var pdf = renderer.Render(protocol, language);
        watch.Stop();
        var path = Path.Combine(folder, $"protocol-{language.ToString().ToLowerInvariant()}.pdf");
        var repeat = first.TryGetValue(language, out var earlier)
            ? (earlier.AsSpan().SequenceEqual(pdf) ? ", same bytes as before" : ", DIFFERENT bytes from before")
            : string.Empty;
        first.TryAdd(language, pdf);
        await File.WriteAllBytesAsync(path, pdf);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {pdf.Length / 1024.0:0} KiB in {watch.Elapsed.TotalMilliseconds:0} ms{repeat}"));
    }

    using var process = Process.GetCurrentProcess();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024.0):0.0} MiB"));
    return 0;
}

// Results go under bin/ (ignored by git) rather than into the folder the command was started from.
var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(ProtocolRenderBenchmarks).Assembly).Run(args, config);
return 0;
