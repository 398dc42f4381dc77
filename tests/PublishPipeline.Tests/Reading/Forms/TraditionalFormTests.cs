using System.Text;
using PublishPipeline.Reading;
using PublishPipeline.Reports;
using PublishPipeline.Validation.Identification;

namespace PublishPipeline.Tests.Reading.Forms;

/// <summary>
/// Simplified corpus reports printed through OpenCC (s2t, character by character, s2twp) read to the same tables as
/// the original: labels fold back through OpenCC's traditional→simplified table, Taiwan wordings through its phrases.
/// </summary>
public class TraditionalFormTests
{
    public static TheoryData<string> SimplifiedReports()
    {
        var data = new TheoryData<string>();
        foreach (var name in Corpus.TextFiles())
        {
            var text = File.ReadAllText(Corpus.File(name));
            if (text.AsSpan().IndexOfAny(ChineseConversion.TraditionalOnly) < 0 && Tables(new DraftReader().Read(name, Encoding.UTF8.GetBytes(text))) is not null)
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Fact]
    public void Convert_prints_report_wording_as_opencc_does()
    {
        Assert.Equal("規範性文件", TraditionalForm.Convert("规范性文件"));
        Assert.Equal("行政複議", TraditionalForm.Convert("行政复议"));
        Assert.Equal("行政復議", TraditionalForm.ConvertCharacters("行政复议"));
        Assert.Equal("政府資訊公開", TraditionalForm.ConvertTaiwan("政府信息公开"));
        Assert.Equal("規範性檔案", TraditionalForm.ConvertTaiwan("规范性文件"));
        Assert.Equal("2021年1月1日", TraditionalForm.Convert("2021年1月1日"));
    }

    [Theory]
    [MemberData(nameof(SimplifiedReports))]
    public void Traditional_forms_read_to_the_same_tables(string name)
    {
        var text = File.ReadAllText(Corpus.File(name));
        var expected = Tables(Read(name, text));

        foreach (var (form, converted) in new[]
        {
            ("s2t", TraditionalForm.Convert(text)),
            ("characters", TraditionalForm.ConvertCharacters(text)),
            ("s2twp", TraditionalForm.ConvertTaiwan(text)),
        })
        {
            Assert.NotEqual(text, converted);
            var result = Read(name, converted);
            // Labels and text cells keep what the mirror printed: compare them folded back.
            var actual = Tables(result) is { } json ? ChineseConversion.Simplify(json) : null;
            Assert.True(expected == actual, $"{name} as {form}: tables differ {Difference(expected, actual)}");
        }
    }

    [Theory]
    [InlineData("2020-hangzhou-fuyang-bgs.txt")]
    [InlineData("2025-shanghai-bgt-pdfmd.txt")]
    public void I3_fires_on_every_traditional_form_and_not_on_the_original(string name)
    {
        var text = File.ReadAllText(Corpus.File(name));
        static List<Finding> I3(string text) =>
            new PublishPipeline.Validation.ReportValidator().Validate(Read("x.txt", text).Report!).Where(f => f.Rule == "I3").ToList();

        Assert.Empty(I3(text));
        foreach (var converted in new[] { TraditionalForm.Convert(text), TraditionalForm.ConvertCharacters(text), TraditionalForm.ConvertTaiwan(text) })
        {
            var finding = Assert.Single(I3(converted));
            Assert.True(finding.Actual > 100, $"{finding.Actual} traditional characters counted");
        }
    }

    [Fact]
    public void Label_fold_uses_the_opencc_table()
    {
        // Far more than any hand-made list: OpenCC's table holds a few thousand traditional-only characters.
        Assert.True(ChineseConversion.Count > 2500, ChineseConversion.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(LabelText.Fold("规范性文件"), LabelText.Fold("規範性文件"));
        Assert.Equal(LabelText.Fold("行政复议"), LabelText.Fold("行政複議"));
        Assert.Equal(LabelText.Fold("行政复议"), LabelText.Fold("行政復議"));

        Assert.Equal(LabelText.Fold("属于国家秘密"), LabelText.Fold("屬於國家祕密"));

        // Characters simplified text uses too (於, 祕) fold, but only traditional-only ones tell a converted text (I3).
        Assert.True(ChineseConversion.TraditionalOnly.Contains('規'));
        Assert.False(ChineseConversion.TraditionalOnly.Contains('於'));
        Assert.Equal("瞭望", LabelText.Simplify("瞭望"));
    }

    [Fact]
    public void Taiwan_wording_of_headings_and_titles_folds_back_through_opencc()
    {
        // s2twp words every part heading that names 政府信息公开 in Taiwan phrases (政府資訊公開).
        foreach (var section in TemplateCatalog.All[^1].Sections)
        {
            var heading = TraditionalForm.ConvertTaiwan($"{section.Number}、{section.Label}");
            Assert.Equal(section.Key, SectionHeadings.Instance.Match(heading)?.Section.Key);
            Assert.Equal(section.Key, SectionHeadings.Instance.MatchAlias(heading)?.Key);
        }

        Assert.Contains("資訊", TraditionalForm.ConvertTaiwan("三、收到和处理政府信息公开申请情况"), StringComparison.Ordinal);
        Assert.Equal("政府信息公开", LabelText.FoldTaiwan(LabelText.Fold("政府資訊公開"), "政府資訊公開"));
        Assert.Equal("规范性文件", LabelText.FoldTaiwan(LabelText.Fold("規範性檔案"), "規範性檔案"));

        // The way back is tried after the simplified key, and never on a simplified text: s2twp prints 查找 as 查詢 too.
        Assert.Null(LabelText.FoldTaiwan("属于行政查询事项", "属于行政查询事项"));
        Assert.True(LabelText.ContainsPhrase(LabelText.Fold("2021年某局政府資訊公開工作年度報告"), "2021年某局政府資訊公開工作年度報告", "政府信息公开"));

        // A simplified text is returned as it is, without a copy.
        const string simplified = "一、总体情况";
        Assert.Same(simplified, ChineseConversion.ToMainland(simplified));

        var title = TraditionalForm.ConvertTaiwan("2021年某局政府信息公开工作年度报告");
        Assert.DoesNotContain(new TitleRule().Check(new PublishPipeline.Validation.ValidationContext(new Report { Title = title }, null)), f => f.Message.Contains("未写明", StringComparison.Ordinal));
    }

    private static string Difference(string? expected, string? actual)
    {
        if (expected is null || actual is null)
        {
            return actual is null ? "(no tables read)" : "(tables read where the original has none)";
        }

        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 120);
        return $"at {at}: expected …{expected[from..Math.Min(expected.Length, at + 80)]}… actual …{actual[from..Math.Min(actual.Length, at + 80)]}…";
    }

    private static ReadResult Read(string name, string text) => new DraftReader().Read(name, Encoding.UTF8.GetBytes(text));

    /// <summary>The cells exactly, and which rows had a label: a label keeps the wording the mirror printed (規範性檔案).</summary>
    private static string? Tables(ReadResult result) =>
        result.Report is { Tables: var full } && (full.Proactive is not null || full.Requests is not null || full.ReviewLitigation is not null)
            && new ReportTables { Proactive = full.Proactive, Requests = full.Requests, ReviewLitigation = full.ReviewLitigation, Labels = full.Labels?.ToDictionary(l => l.Key, _ => "") } is var t
            ? System.Text.RegularExpressions.Regex.Replace(Encoding.UTF8.GetString(ReportJson.SerializeToUtf8(new ReportDocument { Report = new Report { Tables = t } })), @"\s+", "")
            : null;
}
