using PublishPipeline.Agencies;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Validation;

/// <summary>
/// A complete, consistent 2021 report of a fictional 街道 built in code (numbers and prose invented here, not from the
/// corpus), and inputs that let every rule run. Tests break one thing and look for the one finding it causes.
/// </summary>
internal static class RuleFixtures
{
    public const string Agency = "江屿市青山街道办事处";

    public static readonly ReportValidator Validator = new();

    public static ValidationInputs Inputs() => new()
    {
        SubmittedForYear = 2021,
        ExpectedAgencyName = Agency,
        AgencyLevel = AgencyLevels.Township,
        AgencyRegion = "江屿市/青山街道",
        SubmittedAt = new DateOnly(2022, 1, 10),
        DeadlineCalendar = new DeadlineCalendar { Overrides = new Dictionary<string, (int, int)> { [AgencyLevels.Township] = (2, 20) } },
        SignOff = new SignOffRecord("李明", new DateOnly(2022, 1, 15)),
    };

    public static Report Consistent()
    {
        static List<CellValue> Row(params decimal[] values) => values.Select(CellValue.Of).ToList();
        var template = TemplateCatalog.Template2021;
        var requests = template.Requests.Rows.ToDictionary(r => r.Key, _ => Row(0, 0, 0, 0, 0, 0, 0));
        requests["new"] = Row(3, 0, 0, 0, 0, 0, 3);
        requests["carried_in"] = Row(1, 0, 0, 0, 0, 0, 1);
        requests["r1"] = Row(2, 0, 0, 0, 0, 0, 2);
        requests["r4_1"] = Row(1, 0, 0, 0, 0, 0, 1);
        requests["total"] = Row(3, 0, 0, 0, 0, 0, 3);
        requests["carried_out"] = Row(1, 0, 0, 0, 0, 0, 1);
        var texts = new Dictionary<string, string>
        {
            ["overview"] = "（一）主动公开。2021年，本街道主动公开政府信息120条。\n（二）依申请公开。全年收到政府信息公开申请3件。\n（三）政府信息管理。规范信息发布审核。\n"
                + "（四）政府信息公开平台建设。完善门户网站专栏。\n（五）监督保障。将政务公开纳入工作考核，开展社会评议，本年度未发生责任追究情况。",
            ["problems"] = "一是政府信息公开的主动性还不够。下一步将加强培训，完善信息发布机制。上一年度发现的问题已完成整改。",
            ["other"] = "本年度未收取信息处理费。",
        };
        return new Report
        {
            Template = "2021",
            Year = 2021,
            Agency = Agency,
            Title = $"2021年{Agency}政府信息公开工作年度报告",
            Period = new ReportPeriod("2021-01-01", "2021-12-31"),
            PublishedOn = "2022-01-20",
            Preamble = "根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号的要求，编制本报告。本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
                + "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。",
            Sections = template.Sections.Select(s => new ReportSection { Number = s.Number, Key = s.Key, Heading = s.Label, Text = texts.GetValueOrDefault(s.Key, "") }).ToList(),
            Tables = new ReportTables
            {
                Proactive = new()
                {
                    ["art20_1"] = new() { ["rules"] = Row(0, 0, 0), ["normative_docs"] = Row(2, 1, 5) },
                    ["art20_5"] = new() { ["licensing"] = Row(12) },
                    ["art20_6"] = new() { ["penalty"] = Row(3), ["enforcement"] = Row(0) },
                    ["art20_8"] = new() { ["fees"] = Row(1.25m) },
                },
                Requests = requests,
                ReviewLitigation = template.ReviewLitigation.Groups.ToDictionary(g => g.Key, _ => Row(0, 0, 0, 0, 0)),
            },
        };
    }

    public static ReportSection Section(this Report report, string key) => report.Sections.Single(s => s.Key == key);

    /// <summary>The findings of one rule, with full inputs unless others are given.</summary>
    public static List<Finding> Run(Report report, string rule, ValidationInputs? inputs = null) =>
        Validator.Validate(report, inputs ?? Inputs()).Where(f => f.Rule == rule).ToList();

    public static FindingLocation Section(string key) => new() { Section = key };

    public static FindingLocation Cell(string table, string row, string? column = null) => new() { Table = table, Row = row, Column = column };
}
