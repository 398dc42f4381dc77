using AngleSharp.Dom;
using PublishPipeline.Checking;
using PublishPipeline.Notices;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Notices;

/// <summary>
/// The email a submitter gets for a 2020 draft submitted for 2099: it is about the 2099 report (the one submitted), and
/// the A8 finding reads as a sentence naming both years, located at the title, with 应为 2099 and 实为 2020.
/// </summary>
public sealed class SubmittedYearEmailTests
{
    private readonly EmailComposer composer = new();

    [Fact]
    public async Task Needs_changes_email_names_both_years_at_the_title()
    {
        var check = new DraftChecker().Check(
            "2020.txt",
            File.ReadAllBytes(Corpus.Sample("2020-lanxi-wenlvj.txt")),
            new ValidationInputs { SubmittedForYear = 2099, ExpectedAgencyName = "兰溪市文化和旅游局" });
        var a8 = Assert.Single(check.Findings, f => f.Severity == Severity.Error);
        var notice = new ValidationNotice(
            "lanxi-wenlvj-2099-v1", "兰溪市文化和旅游局", 2099, "2020.txt", TestFindings.ReceivedAt, ValidationOutcome.NeedsChanges, check.Findings,
            "https://example.gov.cn/status/lanxi-wenlvj-2099-v1");

        var email = await composer.ComposeValidationResultAsync(notice);

        Assert.Equal("【年报校验】2099年兰溪市文化和旅游局政府信息公开工作年度报告：发现 1 处错误，请修改后重新提交", email.Subject);
        var row = Cells(Assert.Single(Html.Parse(email.Html).QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr")));
        Assert.Equal(["1", "标题", a8.Message, "2099", "2020", "A8"], row);
        Assert.StartsWith("报告标题和统计期限写的是2020年，但本次提交的是2099年度的报告：请核对年度后重新提交", a8.Message, StringComparison.Ordinal);
        foreach (var line in new[] { "1. " + a8.Message, "   位置：标题", "   应为：2099", "   实为：2020", "   规则：A8" })
        {
            Assert.Contains(line + Environment.NewLine, email.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("title", "标题")]
    [InlineData("preamble", "正文开头（导语）")]
    [InlineData("published_at", "落款或发布日期")]
    [InlineData("overview", "第一部分「总体情况」")]
    public void Locations_before_the_parts_are_named_in_chinese(string section, string expected)
    {
        var finding = new Finding { Rule = "A8", Severity = Severity.Error, Message = "年度不一致", Location = new FindingLocation { Section = section } };

        Assert.Equal(expected, FindingText.Location(finding, 2021));
    }

    private static string[] Cells(IElement row) => row.QuerySelectorAll("td").Select(Html.Text).ToArray();
}
