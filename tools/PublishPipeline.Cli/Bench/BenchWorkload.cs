using System.Diagnostics;
using System.Globalization;
using PublishPipeline.Documents;
using PublishPipeline.Reports;
using PublishPipeline.Submissions;

namespace PublishPipeline.Cli.Bench;

/// <summary>What the bench's reviewer does with a draft that passed the checks at an agency that reviews.</summary>
internal enum ReviewStep
{
    /// <summary>No review: the draft has errors, or its agency publishes without review.</summary>
    None,

    /// <summary>The reviewer approves it for now: it is published.</summary>
    Approve,

    /// <summary>The reviewer returns it with comments: it ends in NeedsChanges.</summary>
    Return,
}

/// <summary>One upload of the run: whose, which year, in which form, and what the pipeline must make of it.</summary>
internal sealed record BenchDraft(int Index, Agency Agency, int Year, string Template, string Format, string FileName, byte[] Content, bool WithErrors, ReviewStep Review)
{
    /// <summary>The state the version must end in.</summary>
    public SubmissionState ExpectedState =>
        WithErrors || Review == ReviewStep.Return ? SubmissionState.NeedsChanges : SubmissionState.Published;

    /// <summary>The emails (notice kinds) the version must cause, each exactly once.</summary>
    public IReadOnlyList<string> ExpectedNotices => WithErrors
        ? [Notices.NoticeKind.ValidationResult]
        : Review switch
        {
            ReviewStep.None => [Notices.NoticeKind.ValidationResult, Notices.NoticeKind.Published],
            ReviewStep.Approve => [Notices.NoticeKind.ValidationResult, Notices.NoticeKind.ReviewRequest, Notices.NoticeKind.Approved, Notices.NoticeKind.Published],
            _ => [Notices.NoticeKind.ValidationResult, Notices.NoticeKind.ReviewRequest, Notices.NoticeKind.Returned],
        };
}

/// <summary>
/// The drafts of one bench run. The reports come from the shared Hugo baseline's generator (<c>gen.py</c>: realistic
/// agencies in real provinces and cities, narrative and tables that add up, both templates by year) and their agency
/// directory from <c>agencies.py</c>, which replays gen.py's plan. Each report is then uploaded in one of the forms
/// agencies send: the Word template filled in, plain text and HTML as copied out of that document, or the JSON
/// contract; some carry an arithmetic error in table 三.
/// </summary>
internal sealed class BenchWorkload
{
    /// <summary>The share of drafts with an error the checks must find.</summary>
    public const double ErrorShare = 0.15;

    /// <summary>The share of agencies that publish without review.</summary>
    public const double AutoPublishShare = 0.6;

    /// <summary>The share of reviewed drafts the reviewer returns.</summary>
    public const double ReturnShare = 0.2;

    private static readonly (string Format, double Weight)[] Formats = [("docx", 0.3), ("json", 0.25), ("txt", 0.25), ("html", 0.2)];

    private BenchWorkload(IReadOnlyList<Agency> agencies, IReadOnlyList<BenchDraft> drafts)
    {
        Agencies = agencies;
        Drafts = drafts;
    }

    public IReadOnlyList<Agency> Agencies { get; }

    public IReadOnlyList<BenchDraft> Drafts { get; }

    /// <summary>Default location of gen.py: the shared Hugo baseline beside the repository.</summary>
    public static string DefaultGenerator(string repoRoot) => Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "bench", "hugo", "gen.py"));

    public static async Task<BenchWorkload> GenerateAsync(int count, int seed, string repoRoot, string generator, string workDirectory, TextWriter log, CancellationToken cancellationToken)
    {
        if (!File.Exists(generator))
        {
            throw new BenchException($"the report generator {generator} was not found (give it with --generator)");
        }

        var agencyScript = Path.Combine(repoRoot, "tests", "PublishPipeline.Benchmarks", "Site", "agencies.py");

        // An agency's report for year Y is checked against its published report of Y-1 (carry-over, G1): gen.py's
        // years are independent draws, so a run keeps no two consecutive years of one agency, or whether a draft
        // passes would depend on which of the two the pipeline happened to publish first. Hence more reports than
        // drafts are generated.
        var generated = count * 5 / 2 + 50;
        var reportsDirectory = Path.Combine(workDirectory, "reports");
        var agenciesCsv = Path.Combine(workDirectory, "agencies.csv");
        var seedText = seed.ToString(CultureInfo.InvariantCulture);
        await RunPythonAsync([generator, generated.ToString(CultureInfo.InvariantCulture), reportsDirectory, "--seed", seedText], log, cancellationToken);
        await RunPythonAsync([agencyScript, generated.ToString(CultureInfo.InvariantCulture), agenciesCsv, "--seed", seedText, "--gen", generator], log, cancellationToken);

        var directory = AgencyCsv.Read(await File.ReadAllBytesAsync(agenciesCsv, cancellationToken));
        if (!directory.IsValid)
        {
            throw new BenchException($"agencies.py wrote a directory the import refuses: {directory.Errors[0]}");
        }

        var random = new Random(seed);
        var agencies = directory.Agencies.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var agency in agencies.Values.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            agency.AutoPublish = random.NextDouble() < AutoPublishShare;
        }

        var reports = Directory.EnumerateFiles(reportsDirectory, "*.json", SearchOption.AllDirectories)
            .Select(path => (Path: path, Agency: Path.GetFileNameWithoutExtension(path), Year: int.Parse(Path.GetFileName(Path.GetDirectoryName(path))!, CultureInfo.InvariantCulture)))
            .OrderBy(r => r.Agency, StringComparer.Ordinal)
            .ThenBy(r => r.Year)
            .ToList();
        var kept = new List<(string Path, string Agency, int Year)>();
        foreach (var report in reports)
        {
            if (kept.Count == 0 || kept[^1].Agency != report.Agency || kept[^1].Year != report.Year - 1)
            {
                kept.Add(report);
            }
        }

        if (kept.Count < count)
        {
            throw new BenchException($"gen.py's {generated} reports left only {kept.Count} without consecutive years; {count} were asked for");
        }

        // Agencies' uploads arrive interleaved, not agency by agency.
        var chosen = kept.OrderBy(_ => random.Next()).Take(count).ToList();
        var drafts = new List<BenchDraft>(count);
        foreach (var (path, agencyId, year) in chosen)
        {
            var agency = agencies.GetValueOrDefault(agencyId) ?? throw new BenchException($"agencies.py wrote no agency {agencyId}");
            var withErrors = random.NextDouble() < ErrorShare;
            var format = Pick(random);
            var review = withErrors || agency.AutoPublish ? ReviewStep.None : random.NextDouble() < ReturnShare ? ReviewStep.Return : ReviewStep.Approve;
            var json = await File.ReadAllBytesAsync(path, cancellationToken);
            var document = ReportJson.Deserialize(json);
            if (withErrors)
            {
                // Table 三's grand total printed one more than its rows add up to: D1 and D3 errors.
                var total = document.Report.Tables.Requests!["total"];
                total[^1] = CellValue.Of(total[^1].Number + 1);
                json = ReportJson.SerializeToUtf8(document, indented: false);
            }

            var report = document.Report;
            var template = TemplateCatalog.Get(report.Template ?? throw new BenchException($"{path} names no template"));
            byte[] docx = format == "json" ? [] : ReportTemplateDocument.Create(template, report);
            var content = format switch
            {
                "json" => json,
                "docx" => docx,
                "txt" => DraftForms.Text(docx),
                _ => DraftForms.Html(docx, report.Title ?? ""),
            };
            drafts.Add(new BenchDraft(drafts.Count, agency, year, template.Id, format, $"{year}年{agency.Name}政府信息公开工作年度报告.{format}", content, withErrors, review));
        }

        var used = drafts.Select(d => d.Agency.Id).ToHashSet(StringComparer.Ordinal);
        return new BenchWorkload(agencies.Values.Where(a => used.Contains(a.Id)).ToList(), drafts);
    }

    private static string Pick(Random random)
    {
        var x = random.NextDouble();
        foreach (var (format, weight) in Formats)
        {
            if (x < weight)
            {
                return format;
            }

            x -= weight;
        }

        return Formats[^1].Format;
    }

    private static async Task RunPythonAsync(IReadOnlyList<string> arguments, TextWriter log, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new BenchException("python3 could not be started");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new BenchException($"{Path.GetFileName(arguments[0])} failed ({process.ExitCode}): {await error}");
        }

        var said = ((await output) + (await error)).Trim();
        if (said.Length > 0)
        {
            await log.WriteLineAsync("  " + said);
        }
    }
}

/// <summary>Something the bench cannot run without; printed as the command's error.</summary>
internal sealed class BenchException(string message) : Exception(message);
