using PublishPipeline.Reports;

namespace PublishPipeline.Tests;

/// <summary>Findings as the validator writes them, shared by the tests of everything that shows findings to people.</summary>
public static class TestFindings
{
    /// <summary>2022-03-01 01:05 UTC, which is 09:05 in Beijing.</summary>
    public static readonly DateTimeOffset ReceivedAt = new(2022, 3, 1, 1, 5, 0, TimeSpan.Zero);

    public static readonly Finding CarriedOutError = new()
    {
        Rule = "D1",
        Severity = Severity.Error,
        Location = new FindingLocation { Table = "requests", Row = "carried_out", Column = "total" },
        Message = "结转下年度继续办理的总计应等于本年新收加上年结转减本年办理结果总计",
        Expected = 36,
        Actual = 35,
    };

    public static readonly Finding FeesError = new()
    {
        Rule = "C2",
        Severity = Severity.Error,
        Location = new FindingLocation { Table = "proactive", Row = "art20_8.fees", Column = "amount_wan_yuan" },
        Message = "收费金额不是数字",
        Actual = -1.5m,
    };

    public static readonly Finding SectionWarning = new()
    {
        Rule = "H2",
        Severity = Severity.Warning,
        Location = new FindingLocation { Section = "other" },
        Message = "未说明信息处理费收取情况",
    };
}
