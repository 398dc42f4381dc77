using System.Security.Cryptography;
using PublishPipeline.Checking;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Pipeline;

public class DraftCheckerTests
{
    private readonly DraftChecker checker = new();

    [Fact]
    public void Seed_has_placeholder_findings_but_no_errors()
    {
        var bytes = Corpus.Bytes(Corpus.SeedName);

        var check = checker.Check("/some/dir/" + Corpus.SeedName, bytes);

        // "/" in the 2019 本年增/减 column is E5 info; "0万元" in 采购总金额 (no unit printed) is a C2 warning; the seed
        // states no statistical period (A3 warning); the narrative's 答复45件 fits neither reading of table 三 (F2), and
        // 撤回5件 + 不予补正1件 exceed (六)其他处理 5 (F3); "政府信息管理方面" lost its （三） (B10). Checks needing inputs the draft does not carry say 未检查 (info).
        Assert.Equal(DraftCheck.Clean, check.ExitCode);
        Assert.DoesNotContain(check.Findings, f => f.Rule is "D1" or "D2" or "D3" or "D4" or "C1" or "A0" or "A1");
        var findings = check.Findings.Where(f => !NotChecked.Is(f)).ToList();
        Assert.Equal(
            ["E5:Info", "E5:Info", "E5:Info", "E5:Info", "E5:Info", "C2:Warning", "A3:Warning", "B10:Warning", "F2:Warning", "F3:Warning"],
            findings.Select(f => $"{f.Rule}:{f.Severity}"));
        Assert.Equal(
            [
                "art20_5/licensing:change", "art20_5/other_services:change", "art20_6/penalty:change",
                "art20_6/enforcement:change", "art20_8/fees:change", "art20_9/procurement:amount",
            ],
            findings.Take(6).Select(f => $"{f.Location!.Row}:{f.Location.Column}"));
        Assert.Equal(0, check.Document.Summary.Errors);
        Assert.Equal(5, check.Document.Summary.Warnings);
        Assert.Equal(Corpus.SeedName, check.Document.Source.File);
        Assert.Equal("text", check.Document.Source.Format);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), check.Document.Source.Sha256);
        Assert.Equal(ReportDocument.SchemaId, check.Document.Schema);
    }

    [Fact]
    public void Seed_document_json_round_trip_is_exact()
    {
        var check = checker.Check(Corpus.SeedName, Corpus.Bytes(Corpus.SeedName));

        var first = ReportJson.Serialize(check.Document);
        var second = ReportJson.Serialize(ReportJson.Deserialize(first));

        Assert.Equal(first, second);
        Assert.Equal(check.Document.Report.Tables.Requests!["new"], ReportJson.Deserialize(first).Report.Tables.Requests!["new"]);
    }

    [Fact]
    public void Clean_sample_has_no_findings_and_exit_code_0()
    {
        var check = checker.Check("2020-lanxi-wenlvj.txt", File.ReadAllBytes(Corpus.Sample("2020-lanxi-wenlvj.txt")));

        // Only the 未检查 notes of checks whose inputs (agency, level, dates, sign-off) a bare draft does not carry.
        Assert.DoesNotContain(check.Findings, f => !NotChecked.Is(f));
        Assert.Equal(DraftCheck.Clean, check.ExitCode);
        Assert.True(check.IsPublishable);
        var report = check.Document.Report;
        Assert.Equal("2019", report.Template);
        Assert.Equal(2020, report.Year);
        Assert.Equal("兰溪市文化和旅游局", report.Agency);
        Assert.Equal(new ReportPeriod("2020-01-01", "2020-12-31"), report.Period);
        Assert.Equal(6, report.Sections.Count);
        Assert.Equal(23, report.Tables.Requests!.Count);
        Assert.Equal(3, report.Tables.ReviewLitigation!.Count);
    }

    [Fact]
    public void Sample_with_one_carry_over_error_gives_exactly_d1_and_d3()
    {
        var check = checker.Check("2021-qingshan-jiedao.txt", File.ReadAllBytes(Corpus.Sample("2021-qingshan-jiedao.txt")));

        Assert.Equal(DraftCheck.HasErrorsCode, check.ExitCode);
        Assert.Equal("2021", check.Document.Report.Template);
        Assert.Equal(2021, check.Document.Report.Year);
        Assert.Equal("江屿市青山街道办事处", check.Document.Report.Agency);
        Assert.Equal(25, check.Document.Report.Tables.Requests!.Count);
        Assert.Collection(
            check.Findings.Where(f => !NotChecked.Is(f)),
            d1 =>
            {
                Assert.Equal("D1", d1.Rule);
                Assert.Equal(new FindingLocation { Table = "requests", Row = "carried_out", Column = "total" }, d1.Location);
                Assert.Equal((1m, 2m), (d1.Expected, d1.Actual));
            },
            d3 =>
            {
                Assert.Equal("D3", d3.Rule);
                Assert.Equal(new FindingLocation { Table = "requests", Row = "carried_out", Column = "total" }, d3.Location);
                Assert.Equal((1m, 2m), (d3.Expected, d3.Actual));
            });
        Assert.All(check.Findings.Where(f => !NotChecked.Is(f)), f => Assert.Equal(Severity.Error, f.Severity));
    }

    [Theory]
    [InlineData("empty.txt", new byte[0])]
    [InlineData("binary.bin", new byte[] { 0x00, 0x01, 0x02, 0xFF, 0x00 })]
    [InlineData("bad.txt", new byte[] { 0xE4, 0xB8, 0x41 })]
    [InlineData("note.txt", new byte[] { 0x68, 0x65, 0x6C, 0x6C, 0x6F, 0x0A })]
    public void Bad_input_exits_2_with_an_a0_finding(string name, byte[] content)
    {
        var check = checker.Check(name, content);

        Assert.Equal(DraftCheck.UnreadableCode, check.ExitCode);
        Assert.True(check.IsUnreadable);
        Assert.Equal("A0", Assert.Single(check.Findings).Rule);
        Assert.Equal(1, check.Document.Summary.Errors);
    }

    [Fact]
    public void Old_format_exits_2()
    {
        var check = checker.Check("2015-mofcom-old.txt", Corpus.Bytes("2015-mofcom-old.txt"));

        Assert.Equal(DraftCheck.UnreadableCode, check.ExitCode);
        Assert.Equal("A0", Assert.Single(check.Findings).Rule);
    }
}
