using System.Text.Json;
using PublishPipeline.Cli.Bench;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Bench;

/// <summary>
/// <c>pubpipe bench</c> at a small N, end to end: its own host and Azurite, realistic drafts through the API, the
/// reviewer's actions through the review API, and the checks on the store and the mail sink.
/// </summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("pubpipe-bench-test-").FullName;

    [Fact(Timeout = 600_000)]
    public async Task A_small_run_ends_with_every_submission_final_and_every_email_sent_once()
    {
        var file = Path.Combine(output, "bench-20.json");
        var options = new BenchOptions(20, 8, 20270125, null, file, TimeSpan.FromMinutes(8), TimeSpan.FromSeconds(5), null, false, "pubpipe bench -n 20 -c 8");
        using var log = new StringWriter();

        var result = await BenchCommand.RunAsync(options, log, CancellationToken.None);

        Assert.True(result.Passed, string.Join("\n", result.Checks.Where(c => !c.Passed).SelectMany(c => c.Failures.Prepend(c.Name))) + "\n" + log);
        Assert.Equal(20, result.Outcomes.Count);
        Assert.All(result.Outcomes, o => Assert.Contains(o.State, new SubmissionState?[] { SubmissionState.Published, SubmissionState.NeedsChanges }));

        // The seed's mix holds what the run is meant to exercise: every form, both templates, errors and reviews.
        Assert.Equal(["docx", "html", "json", "txt"], result.Outcomes.Select(o => o.Draft.Format).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["2019", "2021"], result.Outcomes.Select(o => o.Draft.Template).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(result.Outcomes, o => o.Draft.WithErrors);
        Assert.Contains(result.Outcomes, o => o.Draft.Review == ReviewStep.Approve);
        Assert.All(result.Outcomes.Where(o => o.State == SubmissionState.Published), o => Assert.NotNull(o.PublishedAt));

        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        Assert.True(written.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(20, written.RootElement.GetProperty("figures").GetProperty("submissions").GetInt32());
        Assert.Contains("all checks passed", await File.ReadAllTextAsync(Path.ChangeExtension(file, ".md")), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(output, recursive: true);
}
