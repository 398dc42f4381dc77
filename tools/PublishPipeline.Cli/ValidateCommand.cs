using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PublishPipeline.Agencies;
using PublishPipeline.Checking;
using PublishPipeline.Reading;
using PublishPipeline.Reports;
using PublishPipeline.Validation;
using PublishPipeline.Validation.Arithmetic;
using Spectre.Console;

namespace PublishPipeline.Cli;

/// <summary>
/// <c>pubpipe validate FILE [--previous LASTYEAR] [--year YEAR] [--agency NAME] [--level LEVEL] [--region PATH]
/// [--submitted DATE] [--published DATE] [--json] [--max-per-rule N]</c>: check one draft with the inputs the report does not carry;
/// exit 0 clean, 1 errors, 2 unreadable or a bad option (REPORT-JSON.md).
/// </summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "年度报告草稿文件（.txt、.json 等）" };
        var json = new Option<bool>("--json") { Description = "输出 JSON（gov-disclosure-annual-report/1）" };
        var previous = new Option<FileInfo?>("--previous") { Description = "上一年度的年度报告，用于跨年度核对（G1–G4）" };
        var maxPerRule = new Option<int>("--max-per-rule") { Description = "每条规则最多列出的问题数", DefaultValueFactory = _ => FindingCap.DefaultPerRule };
        var year = new Option<string?>("--year") { Description = "本次提交的报告年度（报告页面的年度），报告写明的年度须与之一致（A8）" };
        var agency = new Option<string?>("--agency") { Description = "提交机关的登记名称（核对报告中的机关名称，A2）" };
        var level = new Option<string?>("--level") { Description = $"机关层级：{string.Join("、", AgencyLevels.All)}" };
        var region = new Option<string?>("--region") { Description = "机关所在地区路径，如 浙江省/金华市/兰溪市（E4）" };
        var submitted = new Option<string?>("--submitted") { Description = "提交日期 yyyy-MM-dd（H1）" };
        var published = new Option<string?>("--published") { Description = "发布日期 yyyy-MM-dd（报告无落款日期时用于 A4、H1）" };
        var command = new Command("validate", "核对一份政府信息公开工作年度报告草稿") { file, json, previous, maxPerRule, year, agency, level, region, submitted, published };
        command.SetAction(parseResult =>
        {
            var inputs = Inputs(
                parseResult.GetValue(year),
                parseResult.GetValue(agency),
                parseResult.GetValue(level),
                parseResult.GetValue(region),
                parseResult.GetValue(submitted),
                parseResult.GetValue(published),
                Console.Error);
            return inputs is null
                ? DraftCheck.UnreadableCode
                : Run(parseResult.GetValue(file)!, parseResult.GetValue(json), Console.Out, Console.Error, parseResult.GetValue(previous), parseResult.GetValue(maxPerRule), inputs);
        });
        return command;
    }

    /// <summary>
    /// The <see cref="ValidationInputs"/> the options give, or null after writing the reason to <paramref name="error"/>
    /// (a year that is not one a draft can be submitted for, an unknown level, a date that is not yyyy-MM-dd). Blank
    /// options are absent inputs.
    /// </summary>
    public static ValidationInputs? Inputs(string? year, string? agency, string? level, string? region, string? submitted, string? published, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        int? submittedFor = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < FirstYear or > LastYear)
            {
                error.WriteLine($"--year “{year}”不是有效年度，应为 {FirstYear}–{LastYear} 之间的四位年份，如 2024");
                return null;
            }

            submittedFor = parsed;
        }

        level = string.IsNullOrWhiteSpace(level) ? null : level.Trim();
        if (level is not null && !AgencyLevels.All.Contains(level))
        {
            error.WriteLine($"--level “{level}”不是已知的机关层级，应为以下之一：{string.Join("、", AgencyLevels.All)}");
            return null;
        }

        if (!TryDate(submitted, "--submitted", error, out var submittedAt) || !TryDate(published, "--published", error, out var publishedAt))
        {
            return null;
        }

        return new ValidationInputs
        {
            SubmittedForYear = submittedFor,
            ExpectedAgencyName = string.IsNullOrWhiteSpace(agency) ? null : agency.Trim(),
            AgencyLevel = level,
            AgencyRegion = string.IsNullOrWhiteSpace(region) ? null : region.Trim(),
            SubmittedAt = submittedAt,
            PublishedAt = publishedAt,
        };
    }

    // The years a draft can be uploaded for (POST /api/drafts, the drafts container's path).
    private const int FirstYear = 2000;
    private const int LastYear = 2100;

    private static bool TryDate(string? text, string option, TextWriter error, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        error.WriteLine($"{option} “{text}”不是有效日期，应写成 yyyy-MM-dd，如 2022-01-20");
        return false;
    }

    public static int Run(FileInfo file, bool json, TextWriter output, TextWriter error) =>
        Run(file, json, output, error, null, FindingCap.DefaultPerRule);

    public static int Run(FileInfo file, bool json, TextWriter output, TextWriter error, FileInfo? previous, int maxPerRule) =>
        Run(file, json, output, error, previous, maxPerRule, ValidationInputs.None);

    /// <param name="inputs">What the caller knows about the submission (agency, level, region, dates); <paramref name="previous"/> adds last year's report.</param>
    public static int Run(FileInfo file, bool json, TextWriter output, TextWriter error, FileInfo? previous, int maxPerRule, ValidationInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (maxPerRule < 1)
        {
            error.WriteLine("--max-per-rule 必须是正整数");
            return DraftCheck.UnreadableCode;
        }

        if (ReadAll(file, error) is not { } content)
        {
            return DraftCheck.UnreadableCode;
        }

        if (previous is not null)
        {
            if (ReadAll(previous, error) is not { } previousContent)
            {
                return DraftCheck.UnreadableCode;
            }

            var read = new DraftReader().Read(previous.Name, previousContent);
            if (read.Unreadable || read.Report is null)
            {
                error.WriteLine($"上一年度报告无法读取：{previous.FullName}（{string.Join("；", read.Findings.Select(f => f.Message))}）");
                return DraftCheck.UnreadableCode;
            }

            inputs = inputs with { PreviousReport = read.Report };
        }

        var checker = new DraftChecker(new DraftReader(), new ReportValidator { MaxFindingsPerRule = maxPerRule });
        var check = checker.Check(file.Name, content, inputs);
        if (json)
        {
            output.WriteLine(Json(check.Document));
        }
        else
        {
            WriteSummary(check, CliConsole.For(output));
        }

        return check.ExitCode;
    }

    /// <summary>
    /// The contract document, plus the optional <c>fix_suggestions</c> member when the 勾稽关系 fail (docs/REPORT-JSON.md): the
    /// suggestion is derived from the document, so only this output carries it, never the stored report.
    /// </summary>
    public static string Json(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var suggestions = FixSuggestionText.Suggestions(document.Report, document.Findings);
        if (suggestions.Count == 0)
        {
            return ReportJson.Serialize(document);
        }

        var node = JsonNode.Parse(ReportJson.Serialize(document))!.AsObject();
        var context = new ValidationContext(document.Report);
        node["fix_suggestions"] = new JsonArray(suggestions.Select(s => (JsonNode)new JsonObject
        {
            ["table"] = s.Table,
            ["unique"] = s.IsUnique,
            ["size"] = s.Size,
            ["changes"] = new JsonArray(s.Changes.Select(c => (JsonNode)Cell(context, c.Cell, c.Current, c.Suggested)).ToArray()),
            ["candidates"] = new JsonArray(s.Candidates.Select(c => (JsonNode)Cell(context, c.Cell, c.Current, null)).ToArray()),
            ["candidate_count"] = s.CandidateCount,
            ["unread_cells"] = s.HasUnreadCells,
            ["text"] = FixSuggestionText.Sentence(s, context),
        }).ToArray());
        return node.ToJsonString(ReportJson.Options);

        static JsonObject Cell(ValidationContext context, CellAddress cell, CellValue current, decimal? suggested)
        {
            var json = new JsonObject
            {
                ["row"] = cell.Row,
                ["column"] = context.ColumnKey(cell.Table, cell.Row, cell.Column),
                ["current"] = JsonSerializer.SerializeToNode(current, ReportJson.Options),
            };
            if (suggested is { } value)
            {
                json["suggested"] = value;
            }

            return json;
        }
    }

    /// <summary>The readable summary as plain text (no colours), e.g. for logs.</summary>
    public static string Summary(DraftCheck check)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        WriteSummary(check, CliConsole.For(text, plain: true));
        return text.ToString().TrimEnd();
    }

    /// <summary>What was read, then findings grouped by table (表二/表三/表四/正文/文档), coloured by severity, the 修改建议 when the 勾稽关系 fail, then the counts.</summary>
    public static void WriteSummary(DraftCheck check, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(console);
        var document = check.Document;
        var report = document.Report;
        console.MarkupLine($"[bold]文件：[/]{Markup.Escape($"{document.Source.File}（{document.Source.Format}）")}");
        console.MarkupLine($"[bold]标题：[/]{Markup.Escape(report.Title ?? "（未找到）")}");
        console.MarkupLine($"[bold]格式：[/]{Markup.Escape(report.Template is null ? "（未识别）" : report.Template + " 年版")}");
        console.MarkupLine($"[bold]年度：[/]{Markup.Escape(report.Year?.ToString(CultureInfo.InvariantCulture) ?? "（未找到）")}");
        console.MarkupLine($"[bold]机关：[/]{Markup.Escape(report.Agency ?? "（未找到）")}");
        console.WriteLine();

        foreach (var group in document.Findings.GroupBy(GroupOf).OrderBy(g => GroupOrder.IndexOf(g.Key)))
        {
            var errors = group.Count(f => f.Severity == Severity.Error);
            var warnings = group.Count(f => f.Severity == Severity.Warning);
            console.MarkupLine($"[bold underline]【{group.Key}】[/] [grey]错误 {errors}、警告 {warnings}、提示 {group.Count() - errors - warnings}[/]");
            foreach (var finding in group)
            {
                var (name, colour) = Style(finding.Severity);
                console.MarkupLine($"  [{colour}][[{name}]][/] [bold]{Markup.Escape(finding.Rule)}[/] {Markup.Escape(finding.Message)}");
                if (finding.Omitted is > 0)
                {
                    console.MarkupLine($"  [grey]……规则 {Markup.Escape(finding.Rule)} 另有 {finding.Omitted} 条同类问题未列出[/]");
                }
            }

            console.WriteLine();
        }

        if (document.Findings.Count == 0)
        {
            console.MarkupLine("[green]未发现问题。[/]");
        }

        var suggestions = FixSuggestionText.For(report, document.Findings);
        if (suggestions.Count > 0)
        {
            console.MarkupLine($"[bold underline]【{Markup.Escape(FixSuggestionText.Heading)}】[/]");
            foreach (var suggestion in suggestions)
            {
                console.MarkupLine($"  [green]{Markup.Escape(suggestion)}[/]");
            }

            console.MarkupLine($"  [grey]{Markup.Escape(FixSuggestionText.Disclaimer)}[/]");
            console.WriteLine();
        }

        var summary = document.Summary;
        var partial = summary.PartialRules is { Count: > 0 } rules ? $"（部分列出：{string.Join("、", rules)}）" : "";
        console.MarkupLine(
            $"[red]错误 {summary.Errors} 条[/]、[yellow]警告 {summary.Warnings} 条[/]、[blue]提示 {summary.Info} 条[/]{Markup.Escape(partial)}");
    }

    private static readonly List<string> GroupOrder = ["表二", "表三", "表四", "正文", "文档"];

    // Narrative findings carry the section and the linked cell: they are about the text, so they go under 正文.
    private static string GroupOf(Finding finding) => finding.Location switch
    {
        { Section: not null } => "正文",
        { Table: { } table } => ValidationContext.TableName(table) is var name && GroupOrder.Contains(name) ? name : "文档",
        _ => "文档",
    };

    private static (string Name, string Colour) Style(Severity severity) => severity switch
    {
        Severity.Error => ("错误", "red"),
        Severity.Warning => ("警告", "yellow"),
        _ => ("提示", "blue"),
    };

    private static byte[]? ReadAll(FileInfo file, TextWriter error)
    {
        if (!file.Exists)
        {
            error.WriteLine($"找不到文件：{file.FullName}");
            return null;
        }

        try
        {
            return File.ReadAllBytes(file.FullName);
        }
        catch (IOException ex)
        {
            error.WriteLine($"无法读取文件：{file.FullName}（{ex.Message}）");
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            error.WriteLine($"无权读取文件：{file.FullName}（{ex.Message}）");
            return null;
        }
    }
}
