using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Infrastructure.Pdf;

namespace SocialOrder.ProtocolBenchmark;

/// <summary>Renders the 500-bid protocol in each language. A short run: the machine has two cores.</summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class ProtocolRenderBenchmarks
{
    private readonly PdfSharpAwardProtocolRenderer _renderer = new(Options.Create(new PdfOptions()));
    private readonly AwardProtocolDocument _protocol = SyntheticProtocol.Create();

    [Params(ProtocolLanguage.Kk, ProtocolLanguage.Ru)]
    public ProtocolLanguage Language { get; set; }

    [Benchmark]
    public byte[] Render() => _renderer.Render(_protocol, Language);
}
