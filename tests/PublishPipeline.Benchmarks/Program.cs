using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(PublishPipeline.Benchmarks.ReadingBenchmarks).Assembly).Run(args);
