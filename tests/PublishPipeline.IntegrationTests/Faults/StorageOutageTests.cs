using PublishPipeline.Submissions;
using Xunit.Abstractions;

namespace PublishPipeline.IntegrationTests.Faults;

/// <summary>
/// Azurite stopped and started again in the middle of 100 submissions: the API, the queue triggers, the outbox and the
/// timers all lose their storage for seconds. Every upload must end where it should, none lost, no email twice.
/// The test has its own host and Azurite, so the outage touches no other test.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class StorageOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Submissions = 100;
    private const int OutageAfter = 30;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(8);

    private readonly DevHostFixture fixture = new();

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact(Timeout = 8 * 60 * 1000)]
    public async Task Storage_stopped_and_restarted_mid_run_loses_no_submission_and_sends_no_email_twice()
    {
        var uploads = new List<FaultDrive.Upload>();
        for (var i = 0; i < Submissions; i++)
        {
            // Every tenth draft has an arithmetic error: it ends NeedsChanges, with its validation email.
            var withError = i % 10 == 9;
            var agency = await fixture.RegisterAgencyAsync($"故障测试第{i + 1}局", region: $"测试省/断电{i % 5 + 1}市");
            uploads.Add(new FaultDrive.Upload(
                agency, 2021, "年报.docx", TestDrafts.Docx2021(agency.Name, withError: withError),
                withError ? SubmissionState.NeedsChanges : SubmissionState.Published));
        }

        Task? outage = null;
        var outcomes = await FaultDrive.UploadAllAsync(fixture, uploads, concurrency: 6, deadline: TimeSpan.FromMinutes(3), onAccepted: accepted =>
        {
            if (accepted == OutageAfter)
            {
                outage = Task.Run(async () =>
                {
                    await fixture.Host.StopStorageAsync();
                    output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} storage stopped after {accepted} accepted uploads");
                    await Task.Delay(Outage);
                    await fixture.Host.StartStorageAsync();
                    output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} storage started again");
                });
            }

            return Task.CompletedTask;
        });
        Assert.NotNull(outage);
        await outage;

        // Every draft was accepted once: a retried upload after the outage is the same version, not a second one.
        Assert.Equal(Submissions, outcomes.Count);
        Assert.Equal(Submissions, outcomes.Select(o => o.Accepted.Id).Distinct().Count());
        Assert.All(outcomes, o => Assert.Equal(1, o.Accepted.Version));
        var refused = outcomes.Where(o => o.Refusals.Count > 0).ToList();
        output.WriteLine($"{refused.Count} uploads were refused or unanswered during the outage and sent again: " +
                         string.Join("; ", refused.SelectMany(o => o.Refusals).GroupBy(r => r).Select(g => $"{g.Key} ×{g.Count()}")));

        // The outage was seen, and answered as one: 503 with a problem in Chinese (and Retry-After), never a bare 500.
        Assert.NotEmpty(refused);
        Assert.All(refused.SelectMany(o => o.Refusals), r => Assert.True(r is "503 application/problem+json" || r.StartsWith("no answer", StringComparison.Ordinal), r));

        await FaultDrive.WaitAllFinalAsync(fixture, outcomes, TimeSpan.FromMinutes(4));

        // None lost: each version keeps the draft it was made from.
        foreach (var outcome in outcomes)
        {
            var submission = (await fixture.Submissions.GetAsync(outcome.Accepted.Id))!;
            Assert.True(await fixture.Storage.Drafts.GetBlobClient(submission.DraftBlob).ExistsAsync(), $"{submission.Id}'s draft {submission.DraftBlob} is gone");
        }

        var emails = await FaultDrive.AssertEveryEmailOnceAsync(fixture, outcomes.Select(o => o.Accepted.Id).ToList(), TimeSpan.FromMinutes(2));
        output.WriteLine($"{emails} emails, each received once");
    }
}

[CollectionDefinition(Name)]
public sealed class FaultCollection
{
    /// <summary>The fault tests run one after another (each with its own host), beside the other collections.</summary>
    public const string Name = "faults";
}
