using BenchmarkDotNet.Running;

// BenchmarkDotNet over reading and checking drafts; it needs the core only. The live-publish harness, which needs the
// pipeline and storage, is tests/PublishPipeline.LiveBenchmarks.
BenchmarkSwitcher.FromAssembly(typeof(PublishPipeline.Benchmarks.ReadingBenchmarks).Assembly).Run(args);
return 0;
