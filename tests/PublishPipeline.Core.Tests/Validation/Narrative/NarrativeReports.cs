using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Validation.Narrative;

/// <summary>
/// A consistent 2021-template report built in code (numbers invented here, not from the corpus) with a narrative
/// section the tests choose: only the sentence under test varies.
/// </summary>
internal static class NarrativeReports
{
    // 一 30 + 二 2 = (七) 28 + 四 4; results: (一)10 (二)3 (三)4 (四)6 (五)1 (六)1.3.1.1 → 28.
    public static Report With(string overview, string other = NoFee)
    {
        var template = TemplateCatalog.Get("2021");
        var totals = new Dictionary<string, decimal>
        {
            ["new"] = 30, ["carried_in"] = 2, ["r1"] = 10, ["r2"] = 3, ["r3_5"] = 4, ["r4_1"] = 6, ["r5_2"] = 1,
            ["r6_1"] = 1, ["r6_2"] = 2, ["r6_3"] = 1, ["total"] = 28, ["carried_out"] = 4,
        };
        var requests = template.Requests.Rows.ToDictionary(
            r => r.Key,
            r => totals.TryGetValue(r.Key, out var t) ? Row(t, 0, 0, 0, 0, 0, t) : Row(0, 0, 0, 0, 0, 0, 0));
        return new Report
        {
            Template = "2021",
            Year = 2022,
            Title = "2022年测试县统计局政府信息公开工作年度报告",
            Sections =
            [
                new ReportSection { Number = "一", Key = "overview", Heading = "总体情况", Text = overview },
                new ReportSection { Number = "六", Key = "other", Heading = "其他需要报告的事项", Text = other },
            ],
            Tables = new ReportTables
            {
                Requests = requests,
                ReviewLitigation = new()
                {
                    ["review"] = Row(2, 0, 0, 1, 3),
                    ["suit_direct"] = Row(0, 0, 0, 0, 0),
                    ["suit_after_review"] = Row(0, 0, 0, 0, 0),
                },
                Proactive = new()
                {
                    ["art20_1"] = new() { ["rules"] = Row(0, 0, 0), ["normative_docs"] = Row(5, 2, 40) },
                },
            },
        };
    }

    public const string NoFee = "本年度未收取信息处理费。";

    public static List<CellValue> Row(params decimal[] values) => values.Select(CellValue.Of).ToList();
}
