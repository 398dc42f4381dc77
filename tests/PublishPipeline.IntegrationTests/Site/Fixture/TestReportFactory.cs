using System.Globalization;
using PublishPipeline.Reports;

namespace PublishPipeline.IntegrationTests.Site.Fixture;

/// <summary>
/// Builds the test site's reports in code, in the canonical model: the national template of the year, tables that add
/// up (as real reports should), counts that scale with the agency's level, narrative written for these tests, and
/// the special cases of <see cref="TestSitePlan"/>. The same agency, year and version always give the same report.
/// </summary>
public static class TestReportFactory
{
    private static readonly string[] Measures =
    [
        "完善政府信息公开工作机制，明确分管负责人和专职工作人员",
        "按照“以公开为常态、不公开为例外”的原则梳理公开事项清单",
        "对拟公开的政府信息逐条进行保密审查和合法性审查",
        "依托门户网站和政务新媒体及时发布政策文件和解读材料",
        "在办事大厅设置政府信息查阅点，方便群众就近查阅",
        "对依申请公开件实行登记、审核、答复全流程台账管理",
        "组织业务培训，提升工作人员依法答复申请的能力",
        "开展政策吹风会和在线访谈，回应社会关切",
    ];

    private static readonly string[] Problems =
    [
        "部分栏目更新不够及时，个别政策解读形式较为单一",
        "基层工作人员变动较多，业务熟练程度有待提高",
        "依申请公开答复文书的规范性仍需加强",
        "公开内容与群众需求的结合还不够紧密",
    ];

    private static readonly string[] Improvements =
    [
        "建立栏目内容定期巡查制度，落实专人维护",
        "每季度开展一次业务培训和案例研讨",
        "统一答复文书样式，加强法制审核",
        "通过问卷调查了解群众关注的重点领域",
    ];

    /// <summary>The live version of a report of the plan.</summary>
    public static ReportDocument Create(TestReportKey key) =>
        Create(key, TestSitePlan.IsCorrected(key) ? 2 : 1);

    /// <summary>One version of a report (1 for the earlier version of a corrected report, whose figures differ).</summary>
    public static ReportDocument Create(TestReportKey key, int version)
    {
        ArgumentNullException.ThrowIfNull(key);
        var agency = TestSitePlan.Agency(key.AgencyId);
        var template = TemplateCatalog.ForYear(key.Year) ?? throw new ArgumentOutOfRangeException(nameof(key), key.Year, "no template for the year");
        var random = new Random(Seed(key.AgencyId, key.Year, version));
        var scale = agency.Level switch
        {
            "乡镇街道" => 2,
            "县级" => 6,
            "部门" => 9,
            _ => 14,
        };

        var report = new Report
        {
            Template = template.Id,
            Year = key.Year,
            Agency = agency.Name,
            Title = $"{key.Year}年{agency.Name}政府信息公开工作年度报告",
            Period = new ReportPeriod($"{key.Year}-01-01", $"{key.Year}-12-31"),
            PublishedOn = TestSitePlan.PublishedAt(key).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Preamble = Preamble(agency, key.Year, random),
            Sections = template.Sections.Select(s => new ReportSection
            {
                Number = s.Number,
                Key = s.Key,
                Heading = s.Label,
                Text = SectionText(s.Key, agency, key, random),
            }).ToList(),
            Tables = new ReportTables
            {
                Proactive = Proactive(template, agency, random),
                Requests = Requests(template, scale, random),
                ReviewLitigation = ReviewLitigation(template, scale, random),
            },
        };

        if (key == TestSitePlan.BlankAndZero)
        {
            var row = report.Tables.Requests![TestSitePlan.BlankAndZeroRow];
            row[TestSitePlan.BlankColumn] = CellValue.Blank;
            row[TestSitePlan.ZeroColumn] = CellValue.Of(0);
        }

        if (key.AgencyId == TestSitePlan.HostileAgencyId)
        {
            MakeHostile(report, version);
        }

        return new ReportDocument
        {
            Source = new ReportSource
            {
                File = key.AgencyId == TestSitePlan.HostileAgencyId ? HostileText.Around("报告") + ".docx" : $"{key.Year}-{key.AgencyId}.docx",
                Format = "docx",
            },
            Report = report,
        };
    }

    private static string Preamble(TestAgency agency, int year, Random random) =>
        $"本报告依据《中华人民共和国政府信息公开条例》第五十条编制，分为总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、" +
        $"政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。" +
        $"如对本报告有疑问，请与{agency.Name}办公室联系（地址：{agency.Place}人民路{random.Next(1, 300)}号；邮编：{random.Next(310000, 330000)}；" +
        $"电话：0{random.Next(510, 599)}-{random.Next(20000000, 89999999)}）。";

    private static string SectionText(string sectionKey, TestAgency agency, TestReportKey key, Random random)
    {
        var year = key.Year;
        string Pick(string[] pool) => pool[random.Next(pool.Length)];

        var text = sectionKey switch
        {
            "overview" =>
                $"{year}年，{agency.Name}坚持以人民为中心的发展思想，全面落实政府信息公开各项要求，推动{agency.Place}政务公开工作取得新进展。\n" +
                $"（一）主动公开。全年通过门户网站主动公开政府信息{random.Next(20, 900)}条，{Pick(Measures)}。\n" +
                $"（二）依申请公开。{Pick(Measures)}，全部申请均在法定期限内答复。\n" +
                $"（三）政府信息管理。{Pick(Measures)}，对现行有效的规范性文件进行了清理。\n" +
                $"（四）平台建设。优化门户网站“政府信息公开”专栏，{Pick(Measures)}。\n" +
                $"（五）监督保障。将政务公开纳入年度绩效考核，开展自查{random.Next(2, 12)}次。",
            "proactive" => "主动公开政府信息情况见下表。",
            "requests" => "收到和处理政府信息公开申请情况见下表。",
            "review_litigation" => "政府信息公开行政复议、行政诉讼情况见下表。",
            "problems" =>
                $"（一）存在的问题\n1.{Pick(Problems)}。\n2.{Pick(Problems)}。\n" +
                $"（二）改进措施\n1.{Pick(Improvements)}。\n2.{Pick(Improvements)}。",
            _ =>
                $"（一）收取信息处理费情况。{year}年度，{agency.Name}未收取信息处理费。\n" +
                $"（二）{year}年度政务公开工作要点落实情况。{Pick(Measures)}，各项任务均已按期完成。",
        };

        if (key == TestSitePlan.DistinctivePhraseReport && sectionKey == "other")
        {
            text += $"\n（三）特色工作。联合县图书馆开展“{TestSitePlan.DistinctivePhrase}”，在乡镇文化站定期公开政策解读材料。";
        }

        return text;
    }

    private static Dictionary<string, Dictionary<string, List<CellValue>>> Proactive(ReportTemplate template, TestAgency agency, Random random)
    {
        var township = agency.Level == "乡镇街道";
        return template.Proactive.ToDictionary(
            item => item.Key,
            item => item.Rows.ToDictionary(
                row => row.Key,
                row => item.Columns.Select(column => ProactiveCell(column, row.Key, township, random)).ToList()));
    }

    private static CellValue ProactiveCell(ProactiveColumn column, string rowKey, bool township, Random random)
    {
        // A township makes no rules and levies no fees: its reports leave those cells blank or write "/", as real ones do.
        if (township && rowKey == "rules")
        {
            return CellValue.OfText("/");
        }

        if (township && rowKey == "fees")
        {
            return CellValue.Blank;
        }

        return column.Type switch
        {
            "signed_int" => CellValue.Of(random.Next(-3, 6)),
            "decimal_wan_yuan" => CellValue.Of(random.Next(0, 400) / 10m),
            "money_unit_unspecified" => CellValue.Of(random.Next(0, 90) * 10),
            _ => CellValue.Of(random.Next(0, township ? 3 : 40)),
        };
    }

    /// <summary>
    /// Table 三 that adds up: each row's 总计 is the sum of its six columns, （七）总计 the sum of the result rows, and
    /// 一 + 二 = （七）总计 + 四 in every column.
    /// </summary>
    private static Dictionary<string, List<CellValue>> Requests(ReportTemplate template, int scale, Random random)
    {
        var rows = new Dictionary<string, decimal[]>();
        var total = new decimal[7];
        foreach (var row in template.Requests.ResultRows.Where(r => r.Key != "total"))
        {
            var cells = new decimal[7];
            for (var c = 0; c < 6; c++)
            {
                // Most outcomes are rare: zeros dominate, as in real reports.
                var frequent = row.Key is "r1" or "r2" || c == 0;
                cells[c] = random.Next(0, frequent ? scale + 1 : 3) > (frequent ? 0 : 1) ? random.Next(1, frequent ? scale * 3 : 3) : 0;
            }

            cells[6] = cells[..6].Sum();
            rows[row.Key] = cells;
            for (var c = 0; c < 7; c++)
            {
                total[c] += cells[c];
            }
        }

        var carriedIn = new decimal[7];
        var carriedOut = new decimal[7];
        var received = new decimal[7];
        for (var c = 0; c < 6; c++)
        {
            carriedOut[c] = random.Next(0, 3);
            carriedIn[c] = Math.Min(random.Next(0, 3), total[c] + carriedOut[c]);
            received[c] = total[c] + carriedOut[c] - carriedIn[c];
        }

        carriedIn[6] = carriedIn[..6].Sum();
        carriedOut[6] = carriedOut[..6].Sum();
        received[6] = received[..6].Sum();
        rows["total"] = total;
        rows["new"] = received;
        rows["carried_in"] = carriedIn;
        rows["carried_out"] = carriedOut;
        return template.Requests.Rows.ToDictionary(r => r.Key, r => rows[r.Key].Select(CellValue.Of).ToList());
    }

    private static Dictionary<string, List<CellValue>> ReviewLitigation(ReportTemplate template, int scale, Random random) =>
        template.ReviewLitigation.Groups.ToDictionary(
            group => group.Key,
            _ =>
            {
                var cells = Enumerable.Range(0, 4).Select(_ => (decimal)random.Next(0, Math.Max(2, scale / 3))).ToList();
                cells.Add(cells.Sum());
                return cells.Select(CellValue.Of).ToList();
            });

    /// <summary>Every text field a draft can carry holds the hostile payloads; so do some cells, labels and extra rows.</summary>
    private static void MakeHostile(Report report, int version)
    {
        var marker = version == 1 ? "初版" : "更正版";
        report.Title = HostileText.Around("年度报告" + marker);
        report.Preamble = HostileText.Around("导语");
        foreach (var section in report.Sections)
        {
            section.Heading = HostileText.Around(section.Heading);
            section.Text = HostileText.Around("正文第一段") + "\n（一）" + HostileText.Around("小标题") + "\n" + HostileText.Script + "。" + HostileText.JavascriptUrl;
        }

        report.Tables.Requests!["r1"][0] = CellValue.OfText(HostileText.Around(""));
        report.Tables.Requests["carried_out"][3] = CellValue.OfText(HostileText.SvgOnLoad);
        report.Tables.ReviewLitigation!["review"][1] = CellValue.OfText(HostileText.ImgOnError);
        var firstItem = report.Tables.Proactive!.First();
        firstItem.Value.First().Value[0] = CellValue.OfText(HostileText.JavascriptUrl);
        report.Tables.Labels = new Dictionary<string, string> { ["requests/r1"] = HostileText.Around("予以公开") };
        report.Tables.ExtraRows = new Dictionary<string, List<string>> { ["proactive"] = [HostileText.Around("其他")] };
    }

    /// <summary>A seed that does not change between runs (string.GetHashCode does).</summary>
    private static int Seed(string agencyId, int year, int version)
    {
        var hash = 2166136261u;
        foreach (var c in $"{agencyId}/{year}/{version}")
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
