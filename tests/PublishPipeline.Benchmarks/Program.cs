using BenchmarkDotNet.Running;

// `live-publish N…` is a timed harness against storage (see LivePublishHarness); everything else is BenchmarkDotNet.
if (args.Length > 0 && args[0] == "live-publish")
{
    return await PublishPipeline.Benchmarks.LivePublishHarness.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(PublishPipeline.Benchmarks.ReadingBenchmarks).Assembly).Run(args);
return 0;
