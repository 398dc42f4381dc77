// `live-publish N…`: a timed harness against storage (see LivePublishHarness, scripts/bench-live-publish.sh). It needs
// the pipeline (Azure Tables and blobs), so it lives apart from the BenchmarkDotNet benchmarks, which need the core only.
return await PublishPipeline.LiveBenchmarks.LivePublishHarness.RunAsync(args);
