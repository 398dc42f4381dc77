using BenchmarkDotNet.Attributes;
using PublishPipeline.Reports;
using PublishPipeline.Validation;
using PublishPipeline.Validation.Narrative;

namespace PublishPipeline.Benchmarks;

/// <summary>
/// Validation of the seed as the pipeline runs it (issue 4: ≤ 100 µs per seed-size report): the report alone, and with
/// the inputs ingest supplies — the directory's agency name, level 县级, region, submission date and last year's report.
/// Last year's report is the seed itself dated a year earlier, so the cross-year rules (G) compare two full reports.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private readonly ReportValidator validator = new();
    private Report seed = new();
    private ValidationInputs inputs = ValidationInputs.None;

    [GlobalSetup]
    public void Setup()
    {
        seed = SeedFiles.ReadSeed();
        inputs = SeedFiles.FullInputs(seed);
    }

    [Benchmark(Baseline = true)]
    public IReadOnlyList<Finding> ValidateSeed() => validator.Validate(seed);

    [Benchmark]
    public IReadOnlyList<Finding> ValidateSeedWithInputs() => validator.Validate(seed, inputs);

    /// <summary>The narrative statements the F rules share, extracted from every section but 五 (part of each validation).</summary>
    [Benchmark]
    public int ExtractSeedStatements()
    {
        var count = 0;
        foreach (var section in seed.Sections)
        {
            if (section.Key != "problems" && !string.IsNullOrWhiteSpace(section.Text))
            {
                count += StatementExtractor.Extract(section.Text, section.Key ?? "").Count;
            }
        }

        return count;
    }
}
