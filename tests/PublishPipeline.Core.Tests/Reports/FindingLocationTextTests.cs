using System.Text.RegularExpressions;
using PublishPipeline.Checking;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Reports;

/// <summary>
/// Where a finding points, as reviewers and agency staff read it (status page, emails, <c>pubpipe validate</c>): in the
/// template's own Chinese words, never an internal key such as <c>preamble</c>, <c>published_at</c> or <c>carried_in</c>.
/// </summary>
public sealed partial class FindingLocationTextTests
{
    private static readonly DraftChecker Checker = new();

    public static TheoryData<string> CorpusFiles() => [.. Corpus.TextFiles()];

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_finding_of_a_corpus_report_names_its_place_in_Chinese(string name)
    {
        foreach (var inputs in new[] { ValidationInputs.None, Validation.CorpusOutcomeTests.Directory.GetValueOrDefault(name, ValidationInputs.None) })
        {
            var check = Checker.Check(name, Corpus.Bytes(name), inputs);
            var year = check.Document.Report.Year;
            foreach (var finding in check.Findings)
            {
                var text = FindingText.Location(finding, year);
                Assert.False(InternalKey().IsMatch(text), $"{finding.Rule} at {finding.Location}: 「{text}」 names an internal key");
            }
        }
    }

    [Theory]
    [InlineData("title", "标题")]
    [InlineData("preamble", "正文开头（导语）")]
    [InlineData("published_at", "落款或发布日期")]
    [InlineData("overview", "第一部分「总体情况」")]
    [InlineData("other", "第六部分「其他需要报告的事项」")]
    public void A_section_is_named_as_a_clerk_reads_it(string key, string expected)
    {
        var text = FindingText.Location(new Finding { Rule = "X", Severity = Severity.Warning, Message = "", Location = new FindingLocation { Section = key } }, 2021);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void A_key_no_template_knows_is_not_shown_to_people()
    {
        var text = FindingText.Location(new Finding { Rule = "X", Severity = Severity.Warning, Message = "", Location = new FindingLocation { Section = "signature_block", Table = "mystery", Row = "r9", Column = "zz" } }, 2021);

        Assert.False(InternalKey().IsMatch(text), text);
    }

    // Two or more ASCII letters in a row: a key (the 2019/2021 labels hold no Latin words).
    [GeneratedRegex("[A-Za-z_]{2,}")]
    private static partial Regex InternalKey();
}
