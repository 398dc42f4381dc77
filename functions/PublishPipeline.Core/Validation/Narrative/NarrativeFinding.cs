using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Narrative;

/// <summary>Builds a narrative finding: the section, the sentence quoted, and the table cell it was linked to.</summary>
internal static class NarrativeFinding
{
    public static Finding Create(string rule, Severity severity, NarrativeStatement statement, string says, string table, string? row, string? column, decimal? expected, decimal? actual) =>
        new()
        {
            Rule = rule,
            Severity = severity,
            Location = new FindingLocation { Section = statement.Section, Table = table, Row = row, Column = column },
            Message = $"{SectionName(statement.Section)}“{statement.Sentence}”：{says}",
            Expected = expected,
            Actual = actual,
        };

    public static string SectionName(string section) => section switch
    {
        "overview" => "正文「一、总体情况」",
        "proactive" => "正文「二、主动公开政府信息情况」",
        "requests" => "正文「三、收到和处理政府信息公开申请情况」",
        "review_litigation" => "正文「四、行政复议、行政诉讼情况」",
        "problems" => "正文「五、存在的主要问题及改进情况」",
        "other" => "正文「六、其他需要报告的事项」",
        _ => "正文",
    };
}
