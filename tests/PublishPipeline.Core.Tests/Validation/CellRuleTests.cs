using PublishPipeline.Reports;
using static PublishPipeline.Tests.Validation.RuleFixtures;

namespace PublishPipeline.Tests.Validation;

public class CellRuleTests
{
    [Fact]
    public void C3_fires_on_a_negative_count_and_a_fractional_count()
    {
        var report = Consistent();
        report.Tables.Proactive!["art20_6"]["penalty"][0] = CellValue.Of(-3);
        report.Tables.Proactive["art20_5"]["licensing"][0] = CellValue.Of(2.5m);

        var findings = Run(report, "C3");

        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Location == Cell("proactive", "art20_6/penalty", "decisions") && f.Message.Contains("不能为负数", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Location == Cell("proactive", "art20_5/licensing", "decisions") && f.Message.Contains("只能填写整数", StringComparison.Ordinal));
    }

    [Fact]
    public void C3_allows_a_negative_2019_change_and_a_decimal_fee()
    {
        var report = Consistent();
        report.Template = "2019";
        report.Year = 2020;
        report.Tables.Proactive = new() { ["art20_5"] = new() { ["licensing"] = [CellValue.Of(716), CellValue.Of(-417), CellValue.Of(298)] } };

        Assert.Empty(Run(report, "C3"));
        Assert.Empty(Run(Consistent(), "C3"));
    }

    [Fact]
    public void C4_fires_on_six_decimals_of_wan_yuan()
    {
        var report = Consistent();
        report.Tables.Proactive!["art20_8"]["fees"][0] = CellValue.Of(190.457379m);

        var finding = Assert.Single(Run(report, "C4"));

        Assert.Equal(Cell("proactive", "art20_8/fees", "amount_wan_yuan"), finding.Location);
        Assert.Equal((190.4574m, 190.457379m), (finding.Expected, finding.Actual));
        Assert.Contains("（6 位小数）", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void C4_fires_on_yuan_typed_as_wan_yuan_for_a_township()
    {
        var report = Consistent();
        report.Tables.Proactive!["art20_8"]["fees"][0] = CellValue.Of(1_500_000m);

        var finding = Assert.Single(Run(report, "C4"));

        Assert.Equal(150m, finding.Expected);
        Assert.Contains("把“元”填成了“万元”", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void C6_fires_on_dates_and_document_numbers_that_lost_characters()
    {
        var report = Consistent();
        report.Preamble = "本报告中所列数据的统计期限自202111日起至20211231日止。依据皖政务办秘〔202137号)编制。";
        report.Section("overview").Text = "2021,本街道认真贯彻条例。" + report.Section("overview").Text;

        var findings = Run(report, "C6");

        Assert.Equal(4, findings.Count);
        Assert.Equal(2, findings.Count(f => f.Message.Contains("日期缺少“年”“月”字", StringComparison.Ordinal)));
        Assert.Contains(findings, f => f.Message.Contains("“〔202137号”文号缺少", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Location == Section("overview") && f.Message.Contains("年份后缺少“年”字", StringComparison.Ordinal));
    }

    [Fact]
    public void C6_leaves_whole_dates_and_numbers_alone()
    {
        var report = Consistent();
        report.Preamble += "发布日期：2022-01-20。文号为江政办〔2021〕37号。2021年12月31日。";

        Assert.Empty(Run(report, "C6"));
    }

    [Fact]
    public void D5_fires_on_a_short_value_row()
    {
        var report = Consistent();
        report.Tables.ReviewLitigation!["suit_after_review"].RemoveRange(2, 3);

        var finding = Assert.Single(Run(report, "D5"));

        Assert.Equal(Cell("review_litigation", "suit_after_review"), finding.Location);
        Assert.Equal((5m, 2m), (finding.Expected, finding.Actual));
        Assert.Contains("实有 12 个", finding.Message, StringComparison.Ordinal);
    }
}
