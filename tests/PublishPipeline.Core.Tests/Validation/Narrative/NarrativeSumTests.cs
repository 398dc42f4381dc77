using PublishPipeline.Reports;
using PublishPipeline.Validation;
using PublishPipeline.Validation.Narrative;

namespace PublishPipeline.Tests.Validation.Narrative;

/// <summary>
/// F6, narrative sums (issue 10): where a breakdown ends (at a change of subject, not at a punctuation mark), lists
/// closed by their total, and the real reports' sentences that showed each case (read from the corpus at run time).
/// </summary>
public class NarrativeSumTests
{
    private static IReadOnlyList<Finding> F6(string overview) =>
        new ReportValidator().Validate(NarrativeReports.With(overview)).Where(f => f.Rule == "F6").ToList();

    private static IReadOnlyList<Finding> F6Of(string name)
    {
        var report = new PublishPipeline.Reading.DraftReader().Read(name, Corpus.Bytes(name)).Report!;
        return new ReportValidator().Validate(report).Where(f => f.Rule == "F6").ToList();
    }

    /// <summary>The sentence (to its 。) of a corpus file that holds <paramref name="marker"/>, and the next ones if asked.</summary>
    private static string CorpusSentences(string name, string marker, int count = 1)
    {
        var text = File.ReadAllText(Corpus.File(name));
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{name} no longer holds “{marker}”");
        var start = text.LastIndexOfAny(['。', '\n'], at) + 1;
        var end = at;
        for (var i = 0; i < count; i++)
        {
            end = text.IndexOf('。', end) + 1;
        }

        return text[start..end];
    }

    private static NarrativeStatement List(string text) =>
        Assert.Single(StatementExtractor.Extract(text, "overview"), s => s.Kind == StatementKind.ListTotal);

    [Fact]
    public void Pingtan_2023_breakdown_of_handled_applications_ends_before_its_review_and_litigation_clause()
    {
        // The crawled report: 办结…81件，其中：… 其他处理2件，占2.47%；因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。
        var sentence = CorpusSentences("forms/2023-pingtan-gwh-crawltxt.txt", "办结依申请公开81件");

        var list = List(sentence);
        Assert.Equal([42m, 5m, 31m, 1m, 2m], list.Parts);
        Assert.Empty(F6Of("forms/2023-pingtan-gwh-crawltxt.txt"));
    }

    [Fact]
    public void Anhui_2021_list_that_adds_up_ends_where_a_coarser_separator_starts_another_measure()
    {
        // 局长信箱268条（…）、咨询交流1379条，公开答复数量1061条: the first two make 1647; the 1061 is answered messages.
        var sentence = CorpusSentences("2021-anhui-tjj.txt", "在线留言1647条");

        Assert.Equal([268m, 1379m], List(sentence).Parts);
        Assert.Empty(F6Of("2021-anhui-tjj.txt"));
    }

    [Theory]
    [InlineData("forms/2019-pingtan-gwh-crawltxt.txt", 2599, 2533)]
    [InlineData("2020-pingtan-gwh-crawltxt.txt", 2602, 2603)]
    public void Pingtan_parenthesised_category_lists_are_added_up(string name, int total, int sum)
    {
        // "共公布政府信息N条，(其中机构职能类信息…条，政策、规范性文件类信息…条，…)": eleven categories in parentheses,
        // one of them a name with 、. Neither year's categories add up to its total.
        var report = name.StartsWith("forms/", StringComparison.Ordinal) ? F6Of(name) : RealFormF6(name);

        var finding = Assert.Single(report);
        Assert.Equal(((decimal)total, (decimal)sum), (finding.Expected!.Value, finding.Actual!.Value));
        Assert.Contains("+", finding.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<Finding> RealFormF6(string name)
    {
        var report = new PublishPipeline.Reading.DraftReader().Read(name, PublishPipeline.Tests.Reading.RealForms.RepoData.Bytes(name)).Report!;
        return new ReportValidator().Validate(report).Where(f => f.Rule == "F6").ToList();
    }

    [Fact]
    public void Zhangping_2021_category_list_adds_up_and_the_next_sentence_restates_its_total_with_another_number()
    {
        var sentences = CorpusSentences("2021-zhangping-bgs.txt", "共主动公开政府信息141条", 2);

        var statements = StatementExtractor.Extract(sentences, "overview");
        var list = Assert.Single(statements, s => s.Kind == StatementKind.ListTotal);
        Assert.Equal(141m, list.Parts!.Sum()); // 政策、规范性文件类信息 and 安全生产、应急管理类信息 are one item each
        Assert.Equal(11, list.Parts!.Count);
        Assert.True(list.PartsComplete);
        var finding = Assert.Single(F6(sentences));
        Assert.Equal((141m, 17m), (finding.Expected!.Value, finding.Actual!.Value));
    }

    [Fact]
    public void Cqsdj_2022_total_with_a_colon_list_that_adds_up()
    {
        var sentence = CorpusSentences("2022-cqsdj-zhen.txt", "政府信息总数171条");

        Assert.Equal(171m, List(sentence).Parts!.Sum());
        Assert.Empty(F6(sentence));
    }

    [Fact]
    public void Pingtan_2019_finance_list_with_a_noun_after_its_total_adds_up()
    {
        // "今年共发布380条财政资金信息，其中专项资金152条，预决算公开197条（政府预决算32条、…）、…": 380 ✓.
        var sentence = CorpusSentences("forms/2019-pingtan-gwh-crawltxt.txt", "条财政资金信息");

        Assert.Equal([152m, 197m, 27m, 4m], List(sentence).Parts);
        Assert.Empty(F6(sentence));
    }

    [Fact]
    public void Kewei_2024_four_categories_that_exceed_their_total_stay_reported()
    {
        // 累计发布信息2139条，其中… 1744、393、21、2 条: 2160 as written; no change of subject ends the list.
        var finding = Assert.Single(F6Of("2024-shanghai-kewei-pdfmd.txt"));
        Assert.Equal((2139m, 2160m), (finding.Expected!.Value, finding.Actual!.Value));
    }

    [Theory]
    [InlineData("全年主动公开工作动态30条；通知公告20条；其他信息9条，共计60条。", 60, 59)]
    [InlineData("全年主动公开工作动态30条；通知公告20条；其他信息11条，共60条。", 60, 61)]
    [InlineData("本年度受理的申请中，网络申请20件，信函申请6件，当面申请5件，合计30件。", 30, 31)]
    [InlineData("全年主动公开政府信息60条，工作动态30条，通知公告20条，共计60条。", 60, 50)]
    [InlineData("全年主动公开信息：工作动态30条；通知公告20条，以上共计60条信息。", 60, 50)]
    public void A_list_closed_by_its_total_is_added_up(string sentence, int total, int sum)
    {
        var finding = Assert.Single(F6(sentence));
        Assert.Equal(((decimal)total, (decimal)sum), (finding.Expected!.Value, finding.Actual!.Value));
    }

    [Theory]
    [InlineData("全年主动公开工作动态30条；通知公告20条；其他信息10条，共计60条。")]
    [InlineData("收到申请30件，其中自然人20件、法人10件，合计30件。")]
    [InlineData("全年公开施工许可证76条、安全生产许可证121条；公开劳动就业、三农信息等信息共62条。")]
    public void A_list_closed_by_a_total_that_holds_gives_no_finding(string sentence)
    {
        Assert.Empty(F6(sentence));
    }

    [Fact]
    public void An_item_whose_number_was_lost_leaves_a_closed_list_unchecked_below_its_total()
    {
        // A crawl that lost digits (Pingtan 2019: "全年公开核准企业资质条、施工许可证76条、…"): the first item has no count.
        Assert.Empty(F6("全年核准企业资质条、施工许可证76条、安全生产许可证121条，共计300条。"));
        Assert.Single(F6("全年核准企业资质条、施工许可证76条、安全生产许可证121条，共计150条。")); // more than the total: real
    }

    [Theory]
    [InlineData("全年收到政府信息公开申请30件，其中自然人20件、法人或其他组织10件；上年结转2件。")]
    [InlineData("全年收到政府信息公开申请30件，其中自然人20件，法人或其他组织10件，上年结转政府信息公开申请2件。")]
    [InlineData("办结28件，其中：予以公开及部分公开13件，占46.43%；不予公开4件，占14.29%；无法提供6件；不予处理1件；其他处理4件；因政府信息公开引起的行政复议案件3件、行政诉讼案件0件。")]
    [InlineData("办结28件，其中予以公开及部分公开13件，不予公开4件，无法提供6件，不予处理1件，其他处理4件，结转下年度继续办理4件。")]
    public void A_breakdown_ends_where_its_subject_changes(string sentence)
    {
        Assert.Empty(F6(sentence));
    }

    [Theory]
    [InlineData("全年收到政府信息公开申请30件，其中自然人20件、法人或其他组织9件；上年结转2件。", 30, 29)]
    [InlineData("办结28件，其中：予以公开及部分公开13件，占46.43%；不予公开4件；无法提供6件；不予处理1件；其他处理5件；因政府信息公开引起的行政复议案件3件。", 28, 29)]
    public void A_real_mismatch_inside_a_breakdown_is_still_reported(string sentence, int total, int sum)
    {
        var finding = Assert.Single(F6(sentence));
        Assert.Equal(((decimal)total, (decimal)sum), (finding.Expected!.Value, finding.Actual!.Value));
    }

    [Fact]
    public void A_review_and_litigation_total_keeps_its_own_breakdown()
    {
        // The topic is in the words before the total: 行政复议 and 行政诉讼 items are its parts, not a change of subject.
        var list = List("全年发生政府信息公开行政复议和行政诉讼案件共9件，其中行政复议2件、行政诉讼7件。");
        Assert.Equal([2m, 7m], list.Parts);
    }
}
