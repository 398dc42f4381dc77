using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PublishPipeline.Api;
using PublishPipeline.Pipeline.Outbox;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Faults;

/// <summary>
/// What the fault suite does to the pipeline and checks after it: many uploads through the API as agencies' tools
/// make them (retrying what the server answered 5xx or could not answer, as a person pressing 上传 again would),
/// waiting for every accepted upload to end, and the exactly-once check on the mail sink.
/// </summary>
internal static class FaultDrive
{
    /// <summary>One upload the test wants to end in <paramref name="Expected"/>.</summary>
    public sealed record Upload(Agency Agency, int Year, string FileName, byte[] Content, SubmissionState Expected);

    /// <summary>What the server said to one upload in the end, and how many tries it took.</summary>
    public sealed record Outcome(Upload Upload, SubmissionAccepted Accepted, int Attempts, IReadOnlyList<string> Refusals);

    /// <summary>
    /// Uploads every draft through <c>POST /api/drafts</c>, <paramref name="concurrency"/> at a time. An answer of 5xx,
    /// or no answer at all (connection refused or reset), is tried again after a second (or the server's
    /// Retry-After) until <paramref name="deadline"/>; any 4xx fails the test, since these drafts are all acceptable.
    /// <paramref name="onAccepted"/> is called after each accepted upload, with how many were accepted so far.
    /// </summary>
    public static async Task<IReadOnlyList<Outcome>> UploadAllAsync(
        DevHostFixture fixture, IReadOnlyList<Upload> uploads, int concurrency, TimeSpan deadline, Func<int, Task>? onAccepted = null)
    {
        var outcomes = new ConcurrentBag<Outcome>();
        var accepted = 0;
        var until = DateTime.UtcNow + deadline;
        await Parallel.ForEachAsync(uploads, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (upload, _) =>
        {
            var refusals = new List<string>();
            for (var attempt = 1; ; attempt++)
            {
                TimeSpan wait = TimeSpan.FromSeconds(1);
                try
                {
                    using var response = await fixture.SubmitDraftAsync(upload.Agency, upload.Year, upload.FileName, upload.Content);
                    if (response.IsSuccessStatusCode)
                    {
                        var answer = (await response.Content.ReadFromJsonAsync<SubmissionAccepted>(JsonSerializerOptions.Web))!;
                        outcomes.Add(new Outcome(upload, answer, attempt, refusals));
                        if (onAccepted is not null)
                        {
                            await onAccepted(Interlocked.Increment(ref accepted));
                        }

                        return;
                    }

                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True(
                        (int)response.StatusCode >= 500,
                        $"{upload.Agency.Id}/{upload.Year} was refused with {(int)response.StatusCode}: {body}");
                    refusals.Add($"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
                    if (response.Headers.RetryAfter?.Delta is { } delta && delta < TimeSpan.FromSeconds(10))
                    {
                        wait = delta;
                    }
                }
                catch (HttpRequestException e)
                {
                    refusals.Add("no answer: " + e.HttpRequestError);
                }
                catch (TaskCanceledException)
                {
                    refusals.Add("no answer: timed out");
                }

                if (DateTime.UtcNow > until)
                {
                    throw new TimeoutException($"{upload.Agency.Id}/{upload.Year} was not accepted within {deadline} ({attempt} tries: {string.Join(", ", refusals)})");
                }

                await Task.Delay(wait);
            }
        });
        return outcomes.ToList();
    }

    /// <summary>Waits until every accepted upload is in the state it should end in; fails naming the ones that are not.</summary>
    public static async Task WaitAllFinalAsync(DevHostFixture fixture, IReadOnlyList<Outcome> outcomes, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        var pending = outcomes.ToDictionary(o => o.Accepted.Id);
        while (true)
        {
            foreach (var (id, outcome) in pending.ToList())
            {
                var submission = await ReadAsync(fixture, id);
                Assert.False(
                    submission?.CurrentState is SubmissionState.Failed or SubmissionState.Rejected,
                    $"{id} ended {submission?.State}: {submission?.Reason}");
                if (submission?.CurrentState == outcome.Upload.Expected)
                {
                    pending.Remove(id);
                }
            }

            if (pending.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > until)
            {
                var states = new List<string>();
                foreach (var id in pending.Keys.Take(10))
                {
                    states.Add($"{id}: {(await ReadAsync(fixture, id))?.State ?? "missing"}");
                }

                throw new TimeoutException($"{pending.Count} of {outcomes.Count} submissions did not reach their final state within {deadline}: {string.Join("; ", states)}");
            }

            await Task.Delay(500);
        }
    }

    /// <summary>
    /// Every email the versions' state changes caused (the email rows of their reports' outboxes) reached the sink
    /// exactly once, and the sink holds no other email about them. Returns how many emails were checked.
    /// </summary>
    public static async Task<int> AssertEveryEmailOnceAsync(DevHostFixture fixture, IReadOnlyList<string> submissionIds, TimeSpan deadline)
    {
        var ids = submissionIds.ToHashSet(StringComparer.Ordinal);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var report in await ReportsAsync(fixture, ids))
        {
            foreach (var row in await fixture.OutboxAsync(report))
            {
                if (ids.Contains(row.SubmissionId) && OutboxDispatcher.NoticeKindOf(row.Kind) is { } kind)
                {
                    expected.Add($"{row.SubmissionId}/{kind}");
                }
            }
        }

        Assert.NotEmpty(expected);
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var mails = (await fixture.Http.GetFromJsonAsync<List<MailView>>($"{fixture.ApiUrl}/_dev/mail", JsonSerializerOptions.Web))!
                .Where(m => m.Notice is { } n && ids.Contains(n[..Math.Max(0, n.IndexOf('/'))]))
                .ToList();
            var byNotice = mails.GroupBy(m => m.Notice!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var duplicates = byNotice.Where(p => p.Value > 1).Select(p => $"{p.Key} ×{p.Value}").ToList();
            Assert.True(duplicates.Count == 0, "sent more than once: " + string.Join(", ", duplicates));
            var unexpected = byNotice.Keys.Where(k => !expected.Contains(k)).ToList();
            Assert.True(unexpected.Count == 0, "emails no state change caused: " + string.Join(", ", unexpected));
            var missing = expected.Where(k => !byNotice.ContainsKey(k)).ToList();
            if (missing.Count == 0)
            {
                return expected.Count;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{missing.Count} of {expected.Count} emails never arrived, e.g. {string.Join(", ", missing.Take(10))}");
            }

            await Task.Delay(500);
        }
    }

    private static async Task<Submission?> ReadAsync(DevHostFixture fixture, string id)
    {
        // The storage may be down for a while in these tests: a failed read is "not yet", not a failure.
        try
        {
            return await fixture.Submissions.GetAsync(id);
        }
        catch (Azure.RequestFailedException)
        {
            return null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task<IReadOnlyList<ReportKey>> ReportsAsync(DevHostFixture fixture, IEnumerable<string> ids)
    {
        var reports = new HashSet<ReportKey>();
        foreach (var id in ids)
        {
            var submission = await fixture.Submissions.GetAsync(id) ?? throw new InvalidOperationException($"{id} is not stored");
            reports.Add(submission.Report);
        }

        return reports.ToList();
    }
}
