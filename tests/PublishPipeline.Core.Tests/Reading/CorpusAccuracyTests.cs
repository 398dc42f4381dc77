using PublishPipeline.Reading;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Reading;

/// <summary>
/// Every cell the corpus files hold, asserted against the documents (values transcribed by reading each file). Rows a
/// file cuts off are asserted absent, never padded. INDEX.md in the corpus describes each file.
/// </summary>
public class CorpusAccuracyTests
{
    private static readonly object?[] Zero7 = [0m, 0m, 0m, 0m, 0m, 0m, 0m];
    private static readonly object?[] Zero5 = [0m, 0m, 0m, 0m, 0m];
    private static readonly object?[] TotalOnlyZero = [null, null, null, null, null, null, 0m];

    private static Report Read(string name)
    {
        var result = new DraftReader().Read(name, Corpus.Bytes(name));
        Assert.False(result.Unreadable, string.Join("; ", result.Findings.Select(f => f.Message)));
        return result.Report!;
    }

    private static object?[] Cells(IEnumerable<CellValue> cells) =>
        cells.Select(c => c.Kind switch { CellKind.Number => (object?)c.Number, CellKind.Text => c.Raw, _ => null }).ToArray();

    private static void AssertProactive(Report report, Dictionary<string, Dictionary<string, object?[]>> expected)
    {
        var proactive = report.Tables.Proactive!;
        Assert.Equal(expected.Keys, proactive.Keys);
        foreach (var (item, rows) in expected)
        {
            Assert.Equal(rows.Keys, proactive[item].Keys);
            foreach (var (row, cells) in rows)
            {
                Assert.True(cells.SequenceEqual(Cells(proactive[item][row])), $"{item}/{row}: {string.Join(",", Cells(proactive[item][row]))}");
            }
        }
    }

    private static void AssertRequests(Report report, Dictionary<string, object?[]>? expected)
    {
        if (expected is null)
        {
            Assert.Null(report.Tables.Requests);
            return;
        }

        var requests = report.Tables.Requests!;
        Assert.Equal(expected.Keys, requests.Keys);
        foreach (var (row, cells) in expected)
        {
            Assert.True(cells.SequenceEqual(Cells(requests[row])), $"{row}: {string.Join(",", Cells(requests[row]))}");
        }
    }

    private static void AssertReview(Report report, object?[] review, object?[] direct, object?[] after)
    {
        var table = report.Tables.ReviewLitigation!;
        Assert.Equal(["review", "suit_direct", "suit_after_review"], table.Keys);
        Assert.Equal(review, Cells(table["review"]));
        Assert.Equal(direct, Cells(table["suit_direct"]));
        Assert.Equal(after, Cells(table["suit_after_review"]));
    }

    private static Dictionary<string, Dictionary<string, object?[]>> Proactive2021(object?[] rules, object?[] docs, object? licensing, object? penalty, object? enforcement, object? fees)
    {
        var result = new Dictionary<string, Dictionary<string, object?[]>>
        {
            ["art20_1"] = new() { ["rules"] = rules, ["normative_docs"] = docs },
            ["art20_5"] = new() { ["licensing"] = [licensing] },
            ["art20_6"] = new() { ["penalty"] = [penalty], ["enforcement"] = [enforcement] },
            ["art20_8"] = new() { ["fees"] = [fees] },
        };
        return result;
    }

    [Fact]
    public void Wendeng_zjj_2019_pipe_rows_with_a_negative_change()
    {
        var report = Read("2019-wendeng-zjj.txt");

        Assert.Equal("2019", report.Template);
        AssertProactive(report, new()
        {
            ["art20_1"] = new() { ["rules"] = [0m, 0m, 0m], ["normative_docs"] = [0m, 8m, 8m] },
            ["art20_5"] = new() { ["licensing"] = [716m, -417m, 298m], ["other_services"] = [0m, 0m, 0m] },
            ["art20_6"] = new() { ["penalty"] = [3m, 6m, 9m], ["enforcement"] = [0m, 0m, 0m] },
            ["art20_8"] = new() { ["fees"] = [0m, 0m] },
            ["art20_9"] = new() { ["procurement"] = [0m, 0m] },
        });

        // 二、上年结转 is cut after two cells by the excerpt: absent, not padded.
        AssertRequests(report, new() { ["new"] = [2m, 0m, 0m, 0m, 0m, 0m, 2m] });
    }

    [Fact]
    public void Owenbabies_2019_one_cell_per_line_pipes_keep_text_cells()
    {
        var report = Read("2019x-owenbabies-ju.txt");

        Assert.Equal("2019", report.Template);
        Assert.Null(report.Year); // no title, year or period anywhere
        AssertProactive(report, new()
        {
            ["art20_1"] = new() { ["rules"] = [0m, 0m, 0m], ["normative_docs"] = [0m, 0m, 0m] },
            ["art20_5"] = new() { ["licensing"] = [6m, "减4", 2m], ["other_services"] = [0m, 0m, 0m] },
            ["art20_6"] = new() { ["penalty"] = [2m, 0m, 2m], ["enforcement"] = [0m, 0m, 0m] },
            ["art20_8"] = new() { ["fees"] = [0m, 0m] },
            ["art20_9"] = new() { ["procurement"] = [6m, 52.15m] },
        });
        AssertRequests(report, new() { ["new"] = Zero7, ["carried_in"] = Zero7, ["r1"] = Zero7, ["r2"] = Zero7 });
    }

    [Fact]
    public void Yuanling_2020_traditional_mirror_with_pinyin_one_cell_per_line()
    {
        var report = Read("2020-yuanling-eryouxiang.txt");

        Assert.Equal("2019", report.Template);
        Assert.Equal(2020, report.Year);
        Assert.Equal(["overview", "proactive", "requests"], report.Sections.Select(s => s.Key));
        AssertProactive(report, new()
        {
            ["art20_1"] = new() { ["rules"] = [0m, 0m, 0m], ["normative_docs"] = [0m, 0m, 0m] },
            ["art20_5"] = new() { ["licensing"] = [0m, 0m, 0m], ["other_services"] = [0m, 0m, 0m] },
            ["art20_6"] = new() { ["penalty"] = [3m, 1m, 1m], ["enforcement"] = [0m, 0m, 0m] },
            ["art20_8"] = new() { ["fees"] = [0m, 0m] },
            ["art20_9"] = new() { ["procurement"] = [17m, 15000000m] },
        });
        AssertRequests(report, null); // only the header of table 三 survives
    }

    [Fact]
    public void Yuyang_2020_blank_lines_stand_for_empty_cells()
    {
        var report = Read("2020-yuyang-tuofenglu-jd.txt");

        Assert.Equal("2019", report.Template);
        Assert.Equal("驼峰路街道办事处", report.Agency);
        AssertProactive(report, new()
        {
            ["art20_1"] = new() { ["rules"] = [0m, 0m, 0m], ["normative_docs"] = [0m, 0m, 0m] },
            ["art20_5"] = new() { ["licensing"] = [0m, 0m, 0m], ["other_services"] = [0m, 0m, 0m] },
            ["art20_6"] = new() { ["penalty"] = [0m, 0m, 0m], ["enforcement"] = [0m, 0m, 0m] },
            ["art20_8"] = new() { ["fees"] = [0m, 0m] },
            ["art20_9"] = new() { ["procurement"] = [0m, 0m] },
        });

        // (一)予以公开 is cut after its blank cells: absent.
        AssertRequests(report, new() { ["new"] = TotalOnlyZero, ["carried_in"] = TotalOnlyZero });
    }

    [Fact]
    public void Baokang_2021_blank_licensing_cell_stays_blank()
    {
        var report = Read("2021-baokang-nyncj.txt");

        Assert.Equal("2021", report.Template);
        Assert.Equal(new ReportPeriod("2021-01-01", "2021-12-31"), report.Period);
        AssertProactive(report, Proactive2021([0m, 0m, 0m], [0m, 0m, 0m], null, 5m, 0m, 0m));
        AssertRequests(report, null);
    }

    [Fact]
    public void Dttz_2021_label_split_from_its_pipe()
    {
        var report = Read("2021-dttz-xfj.txt");

        Assert.Equal("2021", report.Template);
        AssertProactive(report, new()
        {
            ["art20_1"] = new() { ["rules"] = [0m, 0m, 0m], ["normative_docs"] = [0m, 0m, 0m] },
            ["art20_5"] = new() { ["licensing"] = [0m] },
            ["art20_6"] = new() { ["penalty"] = [0m], ["enforcement"] = [0m] },
        });
    }

    [Fact]
    public void Zhashui_2021_traditional_mirror_single_value_rows()
    {
        var report = Read("2021-zhashui-fenghuangzhen.txt");

        Assert.Equal("2021", report.Template);
        Assert.Equal(["overview", "proactive", "requests"], report.Sections.Select(s => s.Key));
        AssertProactive(report, Proactive2021([0m, 0m, 0m], [0m, 0m, 0m], 0m, 0m, 0m, 0m));
        object?[] single = [0m, null, null, null, null, null, null];
        AssertRequests(report, new() { ["new"] = single, ["carried_in"] = single, ["r1"] = single });
    }

    [Fact]
    public void Xixian_2022_one_cell_per_line_2021_tables()
    {
        var report = Read("2022-xixian-taipingzhen.txt");

        Assert.Equal("2021", report.Template);
        Assert.Equal(2022, report.Year);
        Assert.Equal("太平镇人民政府", report.Agency);
        AssertProactive(report, Proactive2021([0m, 0m, 0m], [0m, 0m, 0m], 0m, 0m, 0m, 0m));
        AssertRequests(report, new()
        {
            ["new"] = Zero7, ["carried_in"] = Zero7, ["r1"] = Zero7, ["r2"] = Zero7,
            ["r3_1"] = Zero7, ["r3_2"] = Zero7, ["r3_3"] = Zero7,
        });
    }

    [Fact]
    public void Suixi_2022_traditional_without_the_first_item_header()
    {
        var report = Read("2022-suixi-beipozhen.txt");

        Assert.Equal("2021", report.Template);
        AssertProactive(report, Proactive2021([0m, 0m, 0m], [0m, 0m, 0m], 0m, 4m, 0m, 190.457379m));
        AssertRequests(report, null);
    }

    [Fact]
    public void Xuwen_2021_template_pipe_rows_with_spanned_labels()
    {
        var report = Read("nd-xuwen-sfj.txt");

        Assert.Equal("2021", report.Template);
        Assert.Null(report.Year);
        AssertProactive(report, Proactive2021([0m, 0m, 0m], [3m, 0m, 101m], 0m, 0m, 0m, 0m));
        AssertRequests(report, new()
        {
            ["new"] = [0m, null, null, null, null, null, 0m],
            ["carried_in"] = TotalOnlyZero, ["r1"] = TotalOnlyZero, ["r2"] = TotalOnlyZero,
            ["r3_1"] = TotalOnlyZero, ["r3_2"] = TotalOnlyZero, ["r3_3"] = TotalOnlyZero,
            ["r3_4"] = TotalOnlyZero, ["r3_5"] = TotalOnlyZero,
        });
    }

    [Fact]
    public void Qu_tjj_2023_single_pipes_are_empty_cells_and_slashes_stay_text()
    {
        var report = Read("2023-qu-tjj-61150.txt");

        Assert.Equal("2021", report.Template);
        AssertProactive(report, Proactive2021(["/", "/", "/"], [0m, 0m, 0m], 0m, 0m, 0m, 0m));
        AssertRequests(report, new()
        {
            ["new"] = TotalOnlyZero,
            ["carried_in"] = TotalOnlyZero,
            ["r1"] = [null, null, null, null, null, null, null], // every cell blank, total included
        });
    }

    [Fact]
    public void Jxx_2023_report_printing_the_2019_tables_is_detected_as_2019()
    {
        var report = Read("2023-jxx-mzj-mirror.txt");

        Assert.Equal(2023, report.Year);
        Assert.Equal("2019", report.Template); // from the tables, not from the year
    }

    [Fact]
    public void Wendeng_sjj_2020_flipbook_page_spaced_rows_and_table_four()
    {
        var report = Read("2020-wendeng-sjj-flipbook-p9.txt");

        AssertRequests(report, new() { ["carried_out"] = Zero7 });
        AssertReview(report, Zero5, Zero5, Zero5);
        Assert.Null(report.Tables.Proactive);
    }

    [Fact]
    public void Wendeng_xfj_2022_flipbook_page_table_four()
    {
        var report = Read("2022-wendeng-xfj-flipbook-p8.txt");

        AssertReview(report, Zero5, Zero5, Zero5);
        Assert.Null(report.Tables.Requests);
        Assert.Null(report.Tables.Proactive);
    }

    [Fact]
    public void Shanghai_bgt_2025_markdown_tables_three_and_four_as_far_as_the_conversion_kept_them()
    {
        var report = Read("2025-shanghai-bgt-pdfmd.txt");

        Assert.Equal("2021", report.Template);
        Assert.Equal(new ReportPeriod("2025-01-01", "2025-12-31"), report.Period);

        // r2, r5_5 and r6_1…r6_3 lost their labels in the PDF→markdown conversion (INDEX.md): absent, not guessed.
        AssertRequests(report, new()
        {
            ["new"] = [1259m, 36m, 0m, 0m, 0m, 0m, 1295m],
            ["carried_in"] = [170m, 15m, 0m, 0m, 4m, 0m, 189m],
            ["r1"] = [201m, 5m, 0m, 0m, 0m, 0m, 206m],
            ["r3_1"] = [4m, 0m, 0m, 0m, 0m, 0m, 4m],
            ["r3_2"] = Zero7,
            ["r3_3"] = [1m, 0m, 0m, 0m, 0m, 0m, 1m],
            ["r3_4"] = Zero7,
            ["r3_5"] = [8m, 0m, 0m, 0m, 1m, 0m, 9m],
            ["r3_6"] = [1m, 0m, 0m, 0m, 0m, 0m, 1m],
            ["r3_7"] = Zero7,
            ["r3_8"] = [5m, 0m, 0m, 0m, 0m, 0m, 5m],
            ["r4_1"] = [484m, 28m, 0m, 0m, 1m, 0m, 513m],
            ["r4_2"] = [47m, 1m, 0m, 0m, 0m, 0m, 48m],
            ["r4_3"] = [3m, 0m, 0m, 0m, 0m, 0m, 3m],
            ["r5_1"] = [61m, 1m, 0m, 0m, 0m, 0m, 62m],
            ["r5_2"] = [16m, 0m, 0m, 0m, 0m, 0m, 16m],
            ["r5_3"] = [1m, 0m, 0m, 0m, 0m, 0m, 1m],
            ["r5_4"] = [1m, 0m, 0m, 0m, 0m, 0m, 1m],
            ["total"] = [1139m, 48m, 0m, 0m, 4m, 0m, 1191m],
            ["carried_out"] = [290m, 3m, 0m, 0m, 0m, 0m, 293m],
        });
        AssertReview(report, [40m, 0m, 10m, 5m, 55m], [2m, 0m, 4m, 6m, 12m], [6m, 0m, 9m, 7m, 22m]);
    }

    [Fact]
    public void Old_and_non_reports_are_refused_and_headings_only_report_has_no_tables()
    {
        Assert.True(new DraftReader().Read("2015-mofcom-old.txt", Corpus.Bytes("2015-mofcom-old.txt")).Unreadable);

        var hunnan = Read("2021-hunnan-mzzj.txt");
        Assert.Equal(["一", "二", "三", "四", "五", "六"], hunnan.Sections.Select(s => s.Number));
        Assert.Null(hunnan.Template);
        Assert.Null(hunnan.Tables.Requests);
    }
}
