using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using PublishPipeline.Api;
using PublishPipeline.Submissions;

namespace PublishPipeline.Cli.Dev;

/// <summary>
/// Submits every draft in a folder through the HTTP API, signed in (X-Dev-User) as the agency's first registered
/// submitter, as an agency would, and waits until each is processed. A draft's file name says whose it is:
/// <c>{year}-{agency}.{ext}</c>, e.g. <c>2020-lanxi-wenlvj.txt</c>.
/// </summary>
internal sealed partial class SampleSubmitter(HttpClient http, AgencyDirectory agencies, TextWriter log)
{
    private static readonly string[] DraftExtensions = [".txt", ".docx", ".html", ".htm", ".json"];
    private static readonly HashSet<string> Settled = ["Rejected", "NeedsChanges", "AwaitingReview", "Published", "Withdrawn", "Failed"];

    public sealed record Result(string File, string Id, string State, string? PublicUrl, int Errors, int Warnings, string? Reason, string? ReviewUrl = null)
    {
        /// <summary>The agency and year the file name gave.</summary>
        public (Agency Agency, int Year)? Report { get; init; }
    }

    public async Task<IReadOnlyList<Result>> SubmitFolderAsync(string folder, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var drafts = Directory.EnumerateFiles(folder)
            .Where(f => DraftExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
        var submitted = new List<(string File, string Id, Agency Agency, int Year)>();
        foreach (var file in drafts)
        {
            var match = DraftNamePattern().Match(Path.GetFileNameWithoutExtension(file));
            if (!match.Success)
            {
                await log.WriteLineAsync($"  skipped {Path.GetFileName(file)}: name is not {{year}}-{{agency}}.ext");
                continue;
            }

            var agency = await agencies.GetAsync(match.Groups["agency"].Value, cancellationToken);
            if (agency is null || agency.SubmitterEmails.Count == 0)
            {
                await log.WriteLineAsync($"  skipped {Path.GetFileName(file)}: agency {match.Groups["agency"].Value} is not in the directory or has no submitter");
                continue;
            }

            using var form = new MultipartFormDataContent();
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(file, cancellationToken));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "file", Path.GetFileName(file));
            form.Add(new StringContent(match.Groups["agency"].Value), "agency");
            form.Add(new StringContent(match.Groups["year"].Value), "year");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/drafts") { Content = form };
            request.Headers.Add(CallerResolver.DevUserHeader, agency.SubmitterEmails[0]);
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                await log.WriteLineAsync($"  {Path.GetFileName(file)}: refused ({(int)response.StatusCode}) {await response.Content.ReadAsStringAsync(cancellationToken)}");
                continue;
            }

            var accepted = await response.Content.ReadFromJsonAsync<SubmissionAccepted>(JsonSerializerOptions.Web, cancellationToken);
            submitted.Add((Path.GetFileName(file), accepted!.Id, agency, int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture)));
            await log.WriteLineAsync($"  submitted {Path.GetFileName(file)} → {accepted.Id}{(accepted.Duplicate ? " (same bytes as before: existing submission)" : "")}");
        }

        var results = new List<Result>();
        var deadline = DateTime.UtcNow + timeout;
        foreach (var (file, id, agency, year) in submitted)
        {
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/submissions/{id}");
                request.Headers.Add(CallerResolver.DevUserHeader, agency.SubmitterEmails[0]);
                using var response = await http.SendAsync(request, cancellationToken);
                var view = response.IsSuccessStatusCode
                    ? await response.Content.ReadFromJsonAsync<SubmissionView>(Reports.ReportJson.CompactOptions, cancellationToken)
                    : null;
                if (view is not null && Settled.Contains(view.State))
                {
                    var reviewUrl = view.State == "AwaitingReview" && agency.ReviewerEmails.Count > 0
                        ? $"{http.BaseAddress!.ToString().TrimEnd('/')}/_dev/login?user={Uri.EscapeDataString(agency.ReviewerEmails[0])}&next={Uri.EscapeDataString("/api/submissions/" + id)}"
                        : null;
                    results.Add(new Result(file, id, view.State, view.PublicUrl, view.Errors, view.Warnings, view.Reason, reviewUrl) { Report = (agency, year) });
                    break;
                }

                if (DateTime.UtcNow > deadline)
                {
                    results.Add(new Result(file, id, view?.State ?? "?", null, 0, 0, "timed out waiting for the pipeline") { Report = (agency, year) });
                    break;
                }

                await Task.Delay(250, cancellationToken);
            }
        }

        return results;
    }

    /// <summary>
    /// Signs the region's first supervisor in (the dev host's cookie) and opens the region's board at the newest year
    /// the run submitted for one of its agencies (the sample drafts are of past years; the board's own default is the
    /// year being written now); null without a supervisor.
    /// </summary>
    public static string? BoardSignInUrl(string apiBaseUrl, SupervisedRegion region, IEnumerable<Result> results)
    {
        if (region.SupervisorEmails.Count == 0)
        {
            return null;
        }

        var year = results.Where(r => r.Report is { } report && region.Covers(report.Agency)).Select(r => (int?)r.Report!.Value.Year).Max();
        var board = year is { } y ? Addresses.RegionPaths.Board(region.Id, y) : Addresses.RegionPaths.Board(region.Id);
        return $"{apiBaseUrl.TrimEnd('/')}/_dev/login?user={Uri.EscapeDataString(region.SupervisorEmails[0])}&next={Uri.EscapeDataString(board)}";
    }

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    [GeneratedRegex(@"^(?<year>\d{4})-(?<agency>[a-z0-9][a-z0-9-]*[a-z0-9])$")]
    private static partial Regex DraftNamePattern();

    public static string Describe(Result result) => result.State switch
    {
        "Published" => string.Create(CultureInfo.InvariantCulture, $"Published ({Count(result.Warnings, "warning")}): {result.PublicUrl}"),
        "AwaitingReview" => string.Create(CultureInfo.InvariantCulture, $"AwaitingReview ({Count(result.Warnings, "warning")}): the reviewer was mailed; review it as the reviewer at {result.ReviewUrl}"),
        "NeedsChanges" => string.Create(CultureInfo.InvariantCulture, $"NeedsChanges ({Count(result.Errors, "error")}, {Count(result.Warnings, "warning")}): not published, email sent"),
        _ => $"{result.State}: {result.Reason}",
    };
}
