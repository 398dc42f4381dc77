using PublishPipeline.Reports;

namespace PublishPipeline.Documents;

/// <summary>
/// The official template of the year's format for one agency, with what its published report of the year before
/// already fixes: the title, the statistical period in the 导语, table 三's 上年结转 (= last year's 结转下年度继续办理, rule
/// G1) and, in the 2021 format, table 二's 现行有效件数 as last year's count to start from (rule G2 expects last year's
/// count + 本年制发 − 本年废止). Pre-filled cells are shaded and the page header says where they came from; the header is
/// outside the body the readers read, so a draft filled in from this document reads back as if it had no marks.
/// </summary>
public sealed class NextYearDraft
{
    /// <summary>Shading of cells that are final: last year's report fixes them.</summary>
    public const string CarriedFill = "DDEBF7";

    /// <summary>Shading of cells that start from last year's figure and are to be updated.</summary>
    public const string StartingPointFill = "FFF2CC";

    private const string InForceItem = "art20_1";
    private const int InForceColumn = 2;
    private static readonly string[] InForceRows = ["rules", "normative_docs"];

    private NextYearDraft(ReportTemplate template, int year, string agencyName, Report? lastYear)
    {
        Template = template;
        Year = year;
        AgencyName = agencyName;
        LastYear = lastYear;
        Content = new Report
        {
            Template = template.Id,
            Year = year,
            Agency = agencyName,
            Title = $"{year}年{agencyName}政府信息公开工作年度报告",
            Period = new ReportPeriod($"{year}-01-01", $"{year}-12-31"),
            Preamble = PeriodSentence(year),
        };
    }

    public ReportTemplate Template { get; }

    public int Year { get; }

    public string AgencyName { get; }

    /// <summary>The published report the cells come from, or null when there was none to use.</summary>
    public Report? LastYear { get; }

    /// <summary>Title, 导语 and the pre-filled cells, as a report (every other cell absent).</summary>
    public Report Content { get; }

    public IReadOnlyList<PrefilledCell> Cells => cells;

    /// <summary>What last year's report could not give, in Chinese (the CLI prints it, the header repeats it).</summary>
    public IReadOnlyList<string> NotCarried => notCarried;

    private readonly List<PrefilledCell> cells = [];
    private readonly List<string> notCarried = [];

    /// <summary>The sentence most published reports use for the period (A3 looks for it).</summary>
    public static string PeriodSentence(int year) => $"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。";

    /// <summary>
    /// The draft for <paramref name="year"/>. <paramref name="lastYear"/> is the agency's published report for the year
    /// before; one for another year is not used (the notes say so). Throws when no national template covers the year.
    /// </summary>
    public static NextYearDraft For(string agencyName, int year, Report? lastYear)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agencyName);
        var template = TemplateCatalog.ForYear(year)
            ?? throw new ArgumentOutOfRangeException(nameof(year), year, "no national template covers this year");
        var usable = lastYear is not null && lastYear.Year == year - 1 ? lastYear : null;
        var draft = new NextYearDraft(template, year, agencyName.Trim(), usable);
        if (lastYear is null)
        {
            draft.notCarried.Add($"没有已公开的{year - 1}年度报告，表格未预填，请全部自行填写。");
        }
        else if (usable is null)
        {
            draft.notCarried.Add($"提供的上一年度报告为{lastYear.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "年度不明的"}报告，不是{year - 1}年度报告，表格未预填。");
        }
        else
        {
            draft.CarryRequests(usable);
            draft.CarryInForce(usable);
        }

        return draft;
    }

    /// <summary>The notes for the page header: the legend of the shading, then what could not be carried.</summary>
    public IReadOnlyList<string> HeaderNotes()
    {
        var notes = new List<string> { "填写说明（本说明在页眉中，不属于报告正文，发布前请删除页眉）：" };
        var source = $"已公开的{Year - 1}年度报告";
        if (cells.Exists(c => c.Kind == PrefillKind.Carried))
        {
            notes.Add($"浅蓝色底纹的数字取自{source}：表三「二、上年结转政府信息公开申请数量」即{Year - 1}年度「四、结转下年度继续办理」，请勿改动。");
        }

        if (cells.Exists(c => c.Kind == PrefillKind.StartingPoint))
        {
            notes.Add($"浅黄色底纹的数字为{source}的「现行有效件数」，请加上本年制发件数、减去本年废止件数后改写（有修订或自然失效的，请在正文中说明）。");
        }

        notes.AddRange(notCarried);
        return notes;
    }

    public TemplateDocumentOptions DocumentOptions() => new()
    {
        IncludePreamble = true,
        Shading = cells.ToDictionary(c => c.Cell, c => c.Kind == PrefillKind.Carried ? CarriedFill : StartingPointFill),
        HeaderNotes = HeaderNotes(),
    };

    /// <summary>The Word document.</summary>
    public byte[] ToDocx() => ReportTemplateDocument.Create(Template, Content, DocumentOptions());

    public void WriteDocx(Stream output) => ReportTemplateDocument.Write(Template, output, Content, DocumentOptions());

    private void CarryRequests(Report lastYear)
    {
        var label = Template.Requests.Rows.FirstOrDefault(r => r.Key == "carried_in")?.Label ?? "二、上年结转政府信息公开申请数量";
        if (lastYear.Tables.Requests?.GetValueOrDefault("carried_out") is not { } carriedOut)
        {
            notCarried.Add($"{Year - 1}年度报告中没有读到表三「四、结转下年度继续办理」，「{label}」未预填。");
            return;
        }

        var columns = Template.Requests.Columns;
        var row = Enumerable.Repeat(CellValue.Blank, columns.Count).ToList();
        var missing = new List<string>();
        for (var c = 0; c < columns.Count; c++)
        {
            if (c < carriedOut.Count && carriedOut[c].AsNumber is { } number)
            {
                row[c] = CellValue.Of(number);
                cells.Add(new PrefilledCell(TemplateCell.Requests("carried_in", c), row[c], PrefillKind.Carried));
            }
            else
            {
                missing.Add(columns[c].Label);
            }
        }

        if (missing.Count > 0)
        {
            notCarried.Add($"{Year - 1}年度报告表三「四、结转下年度继续办理」的「{string.Join("」「", missing)}」列不是数字，「{label}」这些列未预填。");
        }

        if (cells.Count > 0)
        {
            Content.Tables.Requests = new Dictionary<string, List<CellValue>> { ["carried_in"] = row };
        }
    }

    private void CarryInForce(Report lastYear)
    {
        if (Template.Proactive.FirstOrDefault(p => p.Key == InForceItem) is not { } item
            || item.Columns.Count <= InForceColumn
            || item.Columns[InForceColumn].Key != "in_force")
        {
            // The 2019 format has no 现行有效件数: nothing of table 二 carries into it.
            return;
        }

        var itemLabel = item.Label;
        var template = lastYear.Template is { } id ? TemplateCatalog.Find(id) : null;
        var previousItem = template?.Proactive.FirstOrDefault(p => p.Key == InForceItem);
        var previousColumn = previousItem?.Columns.ElementAtOrDefault(InForceColumn);
        if (template is null || previousColumn?.Key != "in_force")
        {
            notCarried.Add(template is null
                ? $"{Year - 1}年度报告的格式未能识别，表二{itemLabel}「现行有效件数」未预填。"
                : $"{Year - 1}年度报告采用《{template.Name}》，没有「现行有效件数」（其「{previousColumn?.Label ?? "对外公开总数量"}」含义不同），表二{itemLabel}「现行有效件数」未预填，请自行填写。");
            return;
        }

        var previous = lastYear.Tables.Proactive?.GetValueOrDefault(InForceItem);
        var rows = new Dictionary<string, List<CellValue>>();
        foreach (var rowKey in InForceRows)
        {
            var rowLabel = item.Rows.FirstOrDefault(r => r.Key == rowKey)?.Label ?? rowKey;
            if (previous?.GetValueOrDefault(rowKey) is { } before && before.Count > InForceColumn && before[InForceColumn].AsNumber is { } count)
            {
                var value = CellValue.Of(count);
                rows[rowKey] = [CellValue.Blank, CellValue.Blank, value];
                cells.Add(new PrefilledCell(TemplateCell.Proactive(InForceItem, rowKey, InForceColumn), value, PrefillKind.StartingPoint));
            }
            else
            {
                notCarried.Add(lastYear.Tables.IsUnread("proactive", $"{InForceItem}/{rowKey}")
                    ? $"{Year - 1}年度报告表二「{rowLabel}」一行未能确切读出，其「现行有效件数」未预填。"
                    : $"{Year - 1}年度报告表二「{rowLabel}」的「现行有效件数」不是数字，未预填。");
            }
        }

        if (rows.Count > 0)
        {
            Content.Tables.Proactive = new() { [InForceItem] = rows };
        }
    }
}
