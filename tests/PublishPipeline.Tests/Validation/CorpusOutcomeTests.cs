using PublishPipeline.Agencies;
using PublishPipeline.Checking;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Validation;

/// <summary>
/// Issue 4: every corpus file run through the real pipeline check (DraftChecker) with the inputs the agency directory
/// would supply, asserting its exit code, its exact set of error rules and the failures corpus/INDEX.md records.
/// </summary>
public class CorpusOutcomeTests
{
    private static readonly DraftChecker Checker = new();

    /// <summary>What the agency directory would know about each corpus file, from INDEX.md's agency/level/region column.</summary>
    internal static readonly Dictionary<string, ValidationInputs> Directory = new()
    {
        ["2015-mofcom-old.txt"] = Inputs(AgencyLevels.StateCouncilDepartment, "商务部"),
        ["2019-wendeng-zjj.txt"] = Inputs(AgencyLevels.Department, "威海市文登区住房和城乡建设局", "山东省/威海市/文登区"),
        ["2019-xiongxian-xiang.txt"] = Inputs(AgencyLevels.Township),
        ["2019-yueyang-nanhu-ju.txt"] = Inputs(AgencyLevels.Department, region: "湖南省/岳阳市/南湖新区"),
        ["2019x-owenbabies-ju.txt"] = ValidationInputs.None,
        ["2020-hangzhou-fuyang-bgs.txt"] = Inputs(AgencyLevels.Department, "杭州市富阳区人民政府办公室", "浙江省/杭州市/富阳区"),
        ["2020-wendeng-sjj-flipbook-p9.txt"] = Inputs(AgencyLevels.Department, "威海市文登区审计局", "山东省/威海市/文登区"),
        ["2020-yuanling-eryouxiang.txt"] = Inputs(AgencyLevels.Township, "沅陵县二酉苗族乡人民政府", "湖南省/怀化市/沅陵县"),
        ["2020-yuyang-tuofenglu-jd.txt"] = Inputs(AgencyLevels.Township, "榆林市榆阳区驼峰路街道办事处", "陕西省/榆林市/榆阳区"),
        ["2021-anhui-tjj.txt"] = Inputs(AgencyLevels.Department, "安徽省统计局", "安徽省"),
        ["2021-baokang-nyncj.txt"] = Inputs(AgencyLevels.Department, "保康县农业农村局", "湖北省/襄阳市/保康县"),
        ["2021-dttz-xfj.txt"] = Inputs(AgencyLevels.Department),
        ["2021-hunnan-mzzj.txt"] = Inputs(AgencyLevels.Department, "沈阳市浑南区民族和宗教事务局", "辽宁省/沈阳市/浑南区"),
        ["2021-laifeng-zwfwdsjj.txt"] = Inputs(AgencyLevels.Department, "来凤县政务服务和大数据管理局", "湖北省/恩施土家族苗族自治州/来凤县"),
        ["2021-pingwu-tjj.txt"] = Inputs(AgencyLevels.Department, "平武县统计局", "四川省/绵阳市/平武县"),
        ["2021-shanxi-jtyst.txt"] = Inputs(AgencyLevels.Department, "山西省交通运输厅", "山西省"),
        ["2021-siping-simalu-jd.txt"] = Inputs(AgencyLevels.Township, "四平市铁东区四马路街道办事处", "吉林省/四平市/铁东区"),
        ["2021-yuhong-yingbinlu-jd.txt"] = Inputs(AgencyLevels.Township, "沈阳市于洪区迎宾路街道办事处", "辽宁省/沈阳市/于洪区"),
        ["2021-zhangping-bgs.txt"] = Inputs(AgencyLevels.Department, "漳平市人民政府办公室", "福建省/龙岩市/漳平市"),
        ["2021-zhashui-fenghuangzhen.txt"] = Inputs(AgencyLevels.Township, "柞水县凤凰镇人民政府", "陕西省/商洛市/柞水县"),
        ["2022-cqsdj-zhen.txt"] = Inputs(AgencyLevels.Township),
        ["2022-shanghai-szf.txt"] = Inputs(AgencyLevels.ProvincialGovernment, "上海市人民政府", "上海市"),
        ["2022-suixi-beipozhen.txt"] = Inputs(AgencyLevels.Township, "遂溪县北坡镇人民政府", "广东省/湛江市/遂溪县"),
        ["2022-wendeng-xfj-flipbook-p8.txt"] = Inputs(AgencyLevels.Department, "威海市文登区信访局", "山东省/威海市/文登区"),
        ["2022-xixian-taipingzhen.txt"] = Inputs(AgencyLevels.Township, "西咸新区太平镇人民政府", "陕西省/西咸新区"),
        ["2023-jxx-mzj-mirror.txt"] = Inputs(AgencyLevels.Department),
        ["2023-qu-tjj-61150.txt"] = Inputs(AgencyLevels.Department),
        ["2024-shanghai-kewei-pdfmd.txt"] = Inputs(AgencyLevels.Department, "上海市科学技术委员会", "上海市"),
        ["2025-shanghai-bgt-pdfmd.txt"] = Inputs(AgencyLevels.Department, "上海市人民政府办公厅", "上海市"),
        ["nd-xuwen-sfj.txt"] = Inputs(AgencyLevels.Department, "徐闻县司法局", "广东省/湛江市/徐闻县"),
    };

    private static ValidationInputs Inputs(string level, string? agency = null, string? region = null) =>
        new() { AgencyLevel = level, ExpectedAgencyName = agency, AgencyRegion = region };

    private static DraftCheck Check(string name) => Checker.Check(name, Corpus.Bytes(name), Directory[name]);

    /// <summary>
    /// One row per corpus file: exit code; the exact sorted set of error rule ids, leaving out the rules listed as
    /// disputed (findings judged wrong against the document, reported to the lead, asserted neither way); and the
    /// findings INDEX.md records for that file, as "Rule:Severity" or "Rule:Severity@row/column".
    /// </summary>
    public static TheoryData<string, int, string[], string[], string[]> Outcomes => new()
    {
        // Pre-2019 structure: not this format at all.
        { "2015-mofcom-old.txt", DraftCheck.UnreadableCode, ["A0"], [], ["A0:Error"] },
        // Truncated after table 三's first rows: parts 四–六 and the later rows are missing; no title in the excerpt.
        // The excerpt has no title (A1); its text names 文登区住建局, the registered name in its usual short form (no A2).
        { "2019-wendeng-zjj.txt", 1, ["A1", "B1", "B4"], [], ["B4:Error@carried_in/"] },
        // Labels without values: blank 规章 cells, tables 三/四 headings only.
        { "2019-xiongxian-xiang.txt", 1, ["A1", "B1", "B2", "B4", "C1"], [], ["C1:Error@art20_1/rules/new_published", "B2:Error"] },
        // Only 自然人/商业 and 总计 filled: blank cells are C1, blank 总计 makes D3 uncheckable (warning, not error).
        { "2019-yueyang-nanhu-ju.txt", 1, ["A1", "B1", "B4", "C1"], [], ["C1:Error@new/total", "D3:Warning@new/total"] },
        // No title/year/agency; 行政许可 本年增/减 "减4" read as -4.
        { "2019x-owenbabies-ju.txt", 1, ["A1", "B1", "B4"], [], ["A1:Error", "E5:Info@art20_5/licensing/change"] },
        // The seed: clean; placeholders and the narrative that does not reconcile with table 三.
        { "2020-hangzhou-fuyang-bgs.txt", DraftCheck.Clean, [], [], ["F2:Warning", "F3:Warning", "E5:Info@art20_5/licensing/change", "C2:Warning@art20_9/procurement/amount", "A3:Warning"] },
        // One flip-book page: last table 三 row and table 四 only.
        { "2020-wendeng-sjj-flipbook-p9.txt", 1, ["A1", "A2", "B1", "B4"], [], ["B1:Error"] },
        // Traditional mirror with pinyin; dates lost characters. A1/A2 only because the title is in traditional characters.
        { "2020-yuanling-eryouxiang.txt", 1, ["B1", "B2", "I2"], ["A1", "A2"], ["C6:Warning", "I3:Warning", "I2:Error", "C4:Warning"] },
        // Applicant cells blank, only 总计 0; title without a year.
        { "2020-yuyang-tuofenglu-jd.txt", 1, ["A1", "B1", "B4", "C1"], [], ["A1:Error", "C1:Error"] },
        // Narrative only; the 〔202137号 and 202111日 dates lost characters. Its one breakdown adds up (268+1379=1647; the
        // 公开答复数量1061条 after it is another measure): no F6 (NarrativeSumTests).
        { "2021-anhui-tjj.txt", 1, ["B1"], [], ["C6:Warning"] },
        // 行政许可 cell empty, label drift 规章(县级无此项), six parts announced and five listed.
        { "2021-baokang-nyncj.txt", 1, ["A1", "B1", "C1"], [], ["C1:Error", "B5:Warning", "B9:Warning"] },
        { "2021-dttz-xfj.txt", 1, ["A1", "B1", "B4"], [], ["B4:Error"] },
        // Headings without tables. The 导语 names 浑南区民族和宗教事务局: the registered name without its city (A2 accepts it).
        { "2021-hunnan-mzzj.txt", 1, ["A1", "B2"], [], ["B2:Error"] },
        { "2021-laifeng-zwfwdsjj.txt", 1, ["A1", "B1", "B4"], [], ["B4:Error"] },
        { "2021-pingwu-tjj.txt", 1, ["A1", "A2", "B1", "B4"], [], ["A1:Error"] },
        { "2021-shanxi-jtyst.txt", 1, ["B1"], [], ["B1:Error"] },
        // Published 2021-12-23, before its year ended; dates lost characters. The 街道 is printed with 人民政府 (A2 accepts it).
        { "2021-siping-simalu-jd.txt", 1, ["B1"], [], ["A4:Warning", "C6:Warning"] },
        // "迎宾路街道" is the registered 迎宾路街道办事处 without its region and 办事处 (A2 accepts it).
        { "2021-yuhong-yingbinlu-jd.txt", 1, ["B1"], [], ["B1:Error"] },
        // No title line, but the introduction names the six current parts and 一、总体情况 follows: a report without its
        // title (A1), not "not a report"; its 141-item list and the "其中主动公开17条" after it contradict each other (F6).
        { "2021-zhangping-bgs.txt", 1, ["A1", "B1"], [], ["A1:Error", "F6:Warning"] },
        // Traditional mirror; one value per row followed by blank cells; six parts announced, five listed.
        { "2021-zhashui-fenghuangzhen.txt", 1, ["A1", "A2", "B1", "B4", "C1", "I2"], [], ["B9:Warning", "I3:Warning", "I2:Error"] },
        { "2022-cqsdj-zhen.txt", 1, ["A1", "B1", "B4"], [], ["B4:Error"] },
        { "2022-shanghai-szf.txt", 1, ["B1"], [], ["B1:Error"] },
        // Missing 第二十條第(一)項 header row; 190.457379 萬元; traditional mirror.
        { "2022-suixi-beipozhen.txt", 1, ["A1", "A2", "B1", "B2"], [], ["C4:Warning@art20_8/fees/amount_wan_yuan", "I3:Warning"] },
        { "2022-wendeng-xfj-flipbook-p8.txt", 1, ["B1"], [], ["B1:Error"] },
        // Cites the superseded 〔2019〕60号 with 2021 tables.
        { "2022-xixian-taipingzhen.txt", 1, ["B1", "B4"], [], ["A6:Warning"] },
        // A 2023 report printing the 2019 tables.
        { "2023-jxx-mzj-mirror.txt", 1, ["A1", "B1", "B3", "B4"], [], ["B3:Error"] },
        // "/" in 规章; (一)予以公开 blank including 总计; six parts announced, five listed.
        { "2023-qu-tjj-61150.txt", 1, ["A1", "B1", "B4", "C1", "C2"], [], ["C1:Error@r1/total", "B9:Warning"] },
        // Blank 结转 总计 (C1, and D1 cannot be checked); nonstandard part numbering (B1); scrambled rows (B4).
        // The title wraps over two lines (joined by the reader); D2 cannot confirm the sum over result rows the conversion lost.
        // The title says 市科委, the directory 上海市科学技术委员会: an abbreviation, not another agency (A2 accepts it).
        { "2024-shanghai-kewei-pdfmd.txt", 1, ["B1", "B4", "C1"], [], ["C1:Error@carried_out/total", "D1:Warning@carried_out/total", "B5:Warning", "D2:Warning@total/"] },
        // Arithmetic holds (INDEX): no D1/D3/D4; D2 cannot confirm the sum over result rows the conversion lost.
        { "2025-shanghai-bgt-pdfmd.txt", 1, ["B1", "B4", "C1"], [], ["D2:Warning@total/"] },
        // No title, year or period; 行政规范性文件 101 for a county 司法局.
        { "nd-xuwen-sfj.txt", 1, ["A1", "A2", "B1", "B4", "C1"], [], ["A1:Error", "E4:Warning@art20_1/normative_docs/"] },
    };

    [Fact]
    public void Every_corpus_file_has_an_outcome_row()
    {
        Assert.Equal(Corpus.TextFiles(), Outcomes.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
        Assert.Equal(Corpus.TextFiles(), Directory.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Corpus_file_outcome(string name, int exitCode, string[] errors, string[] disputed, string[] recorded)
    {
        var check = Check(name);

        Assert.Equal(exitCode, check.ExitCode);
        var errorRules = check.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule)
            .Where(r => !disputed.Contains(r)).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(errors, errorRules);
        foreach (var expected in recorded)
        {
            Assert.Contains(check.Findings, f => Matches(f, expected));
        }
    }

    [Fact]
    public void Bgt_arithmetic_passes_identity_row_sums_and_table_four()
    {
        var check = Check("2025-shanghai-bgt-pdfmd.txt");

        Assert.DoesNotContain(check.Findings, f => f.Rule is "D1" or "D3" or "D4" && f.Severity != Severity.Info);
    }

    [Fact]
    public void Seed_has_no_errors_and_no_arithmetic_findings()
    {
        var check = Check(Corpus.SeedName);

        Assert.DoesNotContain(check.Findings, f => f.Rule is "D1" or "D2" or "D3" or "D4");
        Assert.Equal(["A3", "B10", "C2", "F2", "F3"], check.Findings.Where(f => f.Severity == Severity.Warning).Select(f => f.Rule).Order(StringComparer.Ordinal));
    }

    /// <summary>"C1:Error@r1/total": rule, severity and, when given, the row and (possibly empty) column.</summary>
    private static bool Matches(Finding finding, string expected)
    {
        var at = expected.Split('@');
        var ruleAndSeverity = at[0].Split(':');
        if (finding.Rule != ruleAndSeverity[0] || finding.Severity.ToString() != ruleAndSeverity[1])
        {
            return false;
        }

        if (at.Length == 1)
        {
            return true;
        }

        var slash = at[1].LastIndexOf('/');
        var row = at[1][..slash];
        var column = at[1][(slash + 1)..];
        return finding.Location?.Row == row && (column.Length == 0 || finding.Location.Column == column);
    }
}
