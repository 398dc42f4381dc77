using System.Text;
using System.Text.RegularExpressions;
using PublishPipeline.Reading;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Reading.Forms;

/// <summary>
/// Row labels that carry a provincial note in parentheses, in traditional characters as mirror sites print them: the
/// row is still matched (a label is the template's label or a known variant, then a note), and B5 reports the note as
/// it does in simplified text. Built from the corpus mirrors with notes put on their own 规章 / 规范性文件 rows, and
/// from OpenCC forms of a simplified report that prints such a note.
/// </summary>
public partial class LabelNoteTests
{
    private const string RulesNote = "（縣級無此項）";
    private const string DocsNote = "（設區的市、自治州人民政府應提供相關數據）";

    [Theory]
    [InlineData("2021-zhashui-fenghuangzhen.txt")]
    [InlineData("2022-suixi-beipozhen.txt")]
    [InlineData("2020-yuanling-eryouxiang.txt")]
    public void Mirror_rows_with_a_note_are_matched_and_b5_names_the_note(string name)
    {
        var original = File.ReadAllText(Corpus.File(name));
        var noted = WithNotes(original);
        Assert.NotEqual(original, noted);

        var before = Read(original);
        var after = Read(noted);

        var expectedCells = before.Tables.Proactive!["art20_1"];
        Assert.Equal(Cells(expectedCells["rules"]), Cells(after.Tables.Proactive!["art20_1"]["rules"]));
        Assert.Equal(Cells(expectedCells["normative_docs"]), Cells(after.Tables.Proactive["art20_1"]["normative_docs"]));
        Assert.Null(after.Tables.ExtraRows);

        var b5 = new ReportValidator().Validate(after).Where(f => f.Rule == "B5").ToList();
        Assert.Contains(b5, f => f.Location?.Row == "art20_1/rules" && f.Message.Contains("縣級無此項", StringComparison.Ordinal) && f.Message.Contains("附加了说明", StringComparison.Ordinal));
        Assert.Contains(b5, f => f.Location?.Row == "art20_1/normative_docs" && f.Message.Contains("設區的市", StringComparison.Ordinal) && f.Message.Contains("附加了说明", StringComparison.Ordinal));
        Assert.DoesNotContain(new ReportValidator().Validate(before), f => f.Rule == "B5" && f.Location?.Row?.StartsWith("art20_1", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Opencc_forms_of_a_simplified_report_with_a_note_keep_the_b5_note()
    {
        // 2021-baokang-nyncj prints 规章(县级无此项) in its own table.
        var text = File.ReadAllText(Corpus.File("2021-baokang-nyncj.txt"));
        var simplified = B5(text);
        var rules = Assert.Single(simplified, f => f.Location?.Row == "art20_1/rules");
        Assert.Contains("附加了说明", rules.Message, StringComparison.Ordinal);

        foreach (var form in new[] { TraditionalForm.Convert(text), TraditionalForm.ConvertCharacters(text), TraditionalForm.ConvertTaiwan(text) })
        {
            var findings = B5(form);

            // The same rows drift, no more: 行政規範性檔案 is the converter's wording, not the agency's label.
            Assert.Equal(simplified.Select(f => f.Location?.Row), findings.Select(f => f.Location?.Row));
            Assert.Contains("附加了说明", Assert.Single(findings, f => f.Location?.Row == "art20_1/rules").Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Taiwan_wording_with_a_note_in_a_2021_table_is_matched()
    {
        var text = File.ReadAllText(Corpus.File("2021-baokang-nyncj.txt"));
        var taiwan = TraditionalForm.ConvertTaiwan(text);
        var noted = NormativeDocsLine().Replace(taiwan, m => m.Value + DocsNote, 1);
        Assert.Contains("規範性檔案" + DocsNote, noted, StringComparison.Ordinal);

        var report = Read(noted);

        Assert.Equal(Cells(Read(text).Tables.Proactive!["art20_1"]["normative_docs"]), Cells(report.Tables.Proactive!["art20_1"]["normative_docs"]));
        var finding = Assert.Single(new ReportValidator().Validate(report), f => f.Rule == "B5" && f.Location?.Row == "art20_1/normative_docs");
        Assert.Contains("附加了说明", finding.Message, StringComparison.Ordinal);
    }

    private static List<Finding> B5(string text) => new ReportValidator().Validate(Read(text)).Where(f => f.Rule == "B5").ToList();

    /// <summary>Adds a note after the 规章 and 规范性文件 labels, wherever the mirror starts a line with them.</summary>
    private static string WithNotes(string text)
    {
        text = RulesLine().Replace(text, m => m.Value + RulesNote);
        return DocsLine().Replace(text, m => m.Groups["prefix"].Value + "規範性檔案" + DocsNote);
    }

    private static Report Read(string text) =>
        new DraftReader().Read("mirror.txt", Encoding.UTF8.GetBytes(text)).Report ?? throw new InvalidOperationException("did not read");

    private static string Cells(List<CellValue> cells) => string.Join("|", cells.Select(c => c.ToString()));

    [GeneratedRegex(@"(?m)^規(\(guī\))?章(?=\s*(\||$))")]
    private static partial Regex RulesLine();

    [GeneratedRegex(@"(?m)^(?<prefix>行政)?規(\(guī\))?範?(范)?性文件(?=\s*(\||$))")]
    private static partial Regex DocsLine();

    [GeneratedRegex("規範性檔案")]
    private static partial Regex NormativeDocsLine();
}
