using System.Text;
using PublishPipeline.Agencies;
using PublishPipeline.Reading;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Benchmarks;

/// <summary>The seed report of the shared corpus (../shared/corpus beside the repository) and the inputs ingest gives it.</summary>
internal static class SeedFiles
{
    public static string SeedPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "corpus", "2020-hangzhou-fuyang-bgs.txt");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("shared/corpus/2020-hangzhou-fuyang-bgs.txt not found above " + AppContext.BaseDirectory);
    }

    public static Report ReadSeed() =>
        new DraftReader().Read("seed.txt", Encoding.UTF8.GetBytes(File.ReadAllText(SeedPath()))).Report
            ?? throw new InvalidOperationException("the seed did not read");

    /// <summary>What ingest supplies for a county-level agency with last year's report published (here: the seed a year earlier).</summary>
    public static ValidationInputs FullInputs(Report seed)
    {
        var previous = ReportJson.Deserialize(ReportJson.Serialize(new ReportDocument { Report = seed })).Report;
        previous.Year = seed.Year - 1;
        return new ValidationInputs
        {
            ExpectedAgencyName = "杭州市富阳区人民政府办公室",
            AgencyLevel = AgencyLevels.County,
            AgencyRegion = "浙江省/杭州市/富阳区",
            SubmittedAt = new DateOnly(2021, 1, 20),
            PreviousReport = previous,
        };
    }
}
