using System.Globalization;
using System.Text;
using System.Text.Json;
using PublishPipeline.Submissions;

namespace PublishPipeline.Cli.Bench;

/// <summary>What became of one draft: its version's state in the store, its timings and its emails.</summary>
internal sealed record BenchOutcome(
    BenchDraft Draft,
    string? Id,
    SubmissionState? State,
    string? Problem,
    DateTimeOffset SentAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? ValidationEmailAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? DoneAt,
    IReadOnlyDictionary<string, int> Notices);

/// <summary>Latency figures in seconds, by nearest rank.</summary>
internal sealed record Latency(int Count, double P50, double P95, double Max)
{
    public static Latency? Of(IEnumerable<TimeSpan> samples)
    {
        var sorted = samples.Select(s => s.TotalSeconds).Order().ToArray();
        return sorted.Length == 0 ? null : new Latency(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), sorted[^1]);
    }

    private static double Rank(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{P50:F2} s | {P95:F2} s | {Max:F2} s | {Count}");
}

/// <summary>One check the run must pass, and what failed it.</summary>
internal sealed record BenchCheck(string Name, bool Passed, IReadOnlyList<string> Failures);

/// <summary>The figures and checks of one run, printed as a table and written as JSON and Markdown.</summary>
internal sealed class BenchResult(
    IReadOnlyList<BenchOutcome> outcomes,
    DateTimeOffset started,
    DateTimeOffset uploaded,
    bool timedOut,
    IReadOnlyList<string> unexpectedEmails,
    int emailsReceived,
    int poisonMessages,
    long peakWorkingSet,
    long? azuritePeakWorkingSet,
    TimeSpan cpu,
    TimeSpan? azuriteCpu,
    IReadOnlyDictionary<string, double> sweepMilliseconds)
{
    public IReadOnlyList<BenchOutcome> Outcomes => outcomes;

    public bool Passed => Checks.All(c => c.Passed);

    public IReadOnlyList<BenchCheck> Checks => field ??= BuildChecks();

    private DateTimeOffset? Finished => outcomes.Any(o => o.DoneAt is null) ? null : outcomes.Max(o => o.DoneAt);

    private List<BenchCheck> BuildChecks()
    {
        static BenchCheck Check(string name, IEnumerable<string> failures)
        {
            var list = failures.ToList();
            return new BenchCheck(name, list.Count == 0, list);
        }

        return
        [
            Check("every upload accepted", outcomes.Where(o => o.Id is null || o.Problem is not null).Select(o => $"#{o.Draft.Index} {o.Draft.FileName}: {o.Problem}")),
            Check("every submission in a final state", outcomes.Where(o => o.DoneAt is null).Select(o => $"{o.Id ?? "#" + o.Draft.Index}: {o.State?.ToString() ?? "missing"}")),
            Check("every submission in its expected state", outcomes.Where(o => o.State != o.Draft.ExpectedState).Select(o =>
                $"{o.Id ?? "#" + o.Draft.Index} ({o.Draft.Format}, template {o.Draft.Template}, errors {o.Draft.WithErrors}, review {o.Draft.Review}): {o.State?.ToString() ?? "missing"}, expected {o.Draft.ExpectedState}")),
            Check("every expected email present", outcomes.SelectMany(o => o.Notices.Where(n => n.Value == 0).Select(n => $"{o.Id}/{n.Key} missing"))),
            Check("no email sent twice", outcomes.SelectMany(o => o.Notices.Where(n => n.Value > 1).Select(n => $"{o.Id}/{n.Key} ×{n.Value}"))),
            Check("no unexpected email", unexpectedEmails),
            Check("no poison message", poisonMessages == 0 ? [] : [$"{poisonMessages} message(s) in the poison queues"]),
            Check("finished in time", timedOut ? ["the run timed out"] : []),
        ];
    }

    public object Figures()
    {
        var published = outcomes.Where(o => o.PublishedAt is not null && o.AnsweredAt is not null).ToList();
        var span = (Finished ?? DateTimeOffset.UtcNow) - started;
        return new
        {
            Submissions = outcomes.Count,
            Agencies = outcomes.Select(o => o.Draft.Agency.Id).Distinct().Count(),
            Provinces = outcomes.Select(o => o.Draft.Agency.Region.Split('/')[0]).Distinct().Count(),
            Formats = outcomes.GroupBy(o => o.Draft.Format).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            Templates = outcomes.GroupBy(o => o.Draft.Template).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            States = outcomes.GroupBy(o => o.State?.ToString() ?? "missing").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            Reviewed = outcomes.Count(o => o.Draft.Review != ReviewStep.None),
            WithErrors = outcomes.Count(o => o.Draft.WithErrors),
            EmailsReceived = emailsReceived,
            UploadSeconds = (uploaded - started).TotalSeconds,
            WallSeconds = span.TotalSeconds,
            ThroughputPerMinute = outcomes.Count / span.TotalMinutes,
            UploadAnswer = Latency.Of(outcomes.Where(o => o.AnsweredAt is not null).Select(o => o.AnsweredAt!.Value - o.SentAt)),
            UploadToValidationEmail = Latency.Of(outcomes.Where(o => o.ValidationEmailAt is not null && o.AnsweredAt is not null).Select(o => o.ValidationEmailAt!.Value - o.AnsweredAt!.Value)),
            UploadToPageAutoPublish = Latency.Of(published.Where(o => o.Draft.Review == ReviewStep.None).Select(o => o.PublishedAt!.Value - o.AnsweredAt!.Value)),
            UploadToPageReviewed = Latency.Of(published.Where(o => o.Draft.Review != ReviewStep.None).Select(o => o.PublishedAt!.Value - o.AnsweredAt!.Value)),
            PeakWorkingSetMb = peakWorkingSet / 1048576.0,
            AzuritePeakWorkingSetMb = azuritePeakWorkingSet / 1048576.0,
            CpuSeconds = cpu.TotalSeconds,
            AzuriteCpuSeconds = azuriteCpu?.TotalSeconds,
            SweepMilliseconds = sweepMilliseconds,
        };
    }

    public string Markdown(string machine, string command)
    {
        var f = JsonSerializer.SerializeToElement(Figures(), JsonSerializerOptions.Web);
        string Get(string name) => f.GetProperty(name).ValueKind == JsonValueKind.Null ? "–" : f.GetProperty(name).ToString();
        string Lat(string name) => f.GetProperty(name).ValueKind == JsonValueKind.Null
            ? "– | – | – | 0"
            : f.GetProperty(name).Deserialize<Latency>(JsonSerializerOptions.Web)!.Format();
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# pubpipe bench: {outcomes.Count} submissions, {(Passed ? "all checks passed" : "CHECKS FAILED")}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- Started {started:yyyy-MM-dd HH:mm:ss} UTC on {machine}\n- Command: `{command}`\n");
        md.Append(CultureInfo.InvariantCulture, $"- {Get("agencies")} agencies in {Get("provinces")} provinces; formats {Get("formats")}; templates {Get("templates")}\n");
        md.Append(CultureInfo.InvariantCulture, $"- {Get("withErrors")} drafts with errors, {Get("reviewed")} reviewed (approved or returned by the bench's reviewer); final states {Get("states")}\n\n");
        md.Append("| figure | value |\n|---|---|\n");
        md.Append(CultureInfo.InvariantCulture, $"| uploads sent (s) | {f.GetProperty("uploadSeconds").GetDouble():F1} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| wall time to the last final state and email (s) | {f.GetProperty("wallSeconds").GetDouble():F1} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| throughput (submissions/min) | {f.GetProperty("throughputPerMinute").GetDouble():F1} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| emails received | {Get("emailsReceived")} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| peak working set, bench process (host, API, pipeline, sink) | {f.GetProperty("peakWorkingSetMb").GetDouble():F0} MB |\n");
        md.Append(CultureInfo.InvariantCulture, $"| peak working set, Azurite | {(f.GetProperty("azuritePeakWorkingSetMb").ValueKind == JsonValueKind.Null ? "–" : f.GetProperty("azuritePeakWorkingSetMb").GetDouble().ToString("F0", CultureInfo.InvariantCulture) + " MB")} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| CPU, bench process / Azurite (s) | {f.GetProperty("cpuSeconds").GetDouble():F0} / {(f.GetProperty("azuriteCpuSeconds").ValueKind == JsonValueKind.Null ? "–" : f.GetProperty("azuriteCpuSeconds").GetDouble().ToString("F0", CultureInfo.InvariantCulture))} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| one sweep at the end: outbox query / draft sweep (ms) | {string.Join(" / ", sweepMilliseconds.Values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))} |\n\n");
        md.Append("| latency | p50 | p95 | max | n |\n|---|---|---|---|---|\n");
        md.Append(CultureInfo.InvariantCulture, $"| upload answered (POST /api/drafts) | {Lat("uploadAnswer")} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| upload → validation email in the sink | {Lat("uploadToValidationEmail")} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| upload → page published (auto-publishing agencies) | {Lat("uploadToPageAutoPublish")} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| upload → page published (reviewed, approved at once) | {Lat("uploadToPageReviewed")} |\n\n");
        md.Append("| check | result |\n|---|---|\n");
        foreach (var check in Checks)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {check.Name} | {(check.Passed ? "passed" : $"**failed** ({check.Failures.Count})")} |\n");
        }

        foreach (var check in Checks.Where(c => !c.Passed))
        {
            md.Append(CultureInfo.InvariantCulture, $"\n{check.Name}, first failures:\n\n");
            foreach (var failure in check.Failures.Take(20))
            {
                md.Append("- ").Append(failure).Append('\n');
            }
        }

        return md.ToString();
    }

    public string Json(string machine, string command) => JsonSerializer.Serialize(
        new
        {
            Started = started,
            Machine = machine,
            Command = command,
            Passed,
            Figures = Figures(),
            Checks = Checks.Select(c => new { c.Name, c.Passed, Failures = c.Failures.Take(50) }),
        },
        new JsonSerializerOptions(JsonSerializerOptions.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
