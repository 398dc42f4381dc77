using System.Text;
using CsCheck;
using PublishPipeline.Agencies;
using PublishPipeline.Submissions;

namespace PublishPipeline.Tests.Submissions;

/// <summary>The agency directory CSV: what it accepts, how it normalises, and every refusal with the line and column an operator looks at.</summary>
public sealed class AgencyDirectoryCsvTests
{
    private const string Header = "id,name,region,level,supervising_office,submitters,reviewers,auto_publish";
    private const string Good = "lanxi-wenlvj,兰溪市文化和旅游局,浙江省/金华市/兰溪市,部门,兰溪市人民政府办公室,zhangli@lanxi.example,reviewer@zwgk.example,false";

    private static string Csv(params string[] rows) => string.Join("\n", [Header, .. rows]) + "\n";

    /// <summary>The good row with one column replaced (by header name).</summary>
    private static string With(string column, string value, string id = "other-agency")
    {
        var cells = Good.Split(',');
        cells[0] = id;
        cells[AgencyCsv.Columns.ToList().IndexOf(column)] = value;
        return string.Join(',', cells);
    }

    [Fact]
    public void The_sample_directory_reads_with_one_auto_publishing_agency_and_one_under_review()
    {
        var agencies = AgencyDirectory.ParseCsv(new StringReader(File.ReadAllText(Corpus.Sample("agencies.csv"))));

        Assert.Equal(["lanxi-wenlvj", "qingshan-jiedao"], agencies.Select(a => a.Id));
        var lanxi = agencies[0];
        Assert.Equal("兰溪市文化和旅游局", lanxi.Name);
        Assert.Equal("浙江省/金华市/兰溪市", lanxi.Region);
        Assert.Equal(AgencyLevels.Department, lanxi.Level);
        Assert.True(lanxi.AutoPublish);
        Assert.False(agencies[1].AutoPublish);
        Assert.NotEmpty(agencies[1].ReviewerEmails);
        Assert.All(agencies.SelectMany(a => a.SubmitterEmails.Concat(a.ReviewerEmails)), e => Assert.EndsWith(".example", e, StringComparison.Ordinal));
    }

    [Fact]
    public void A_good_row_is_read_into_every_property()
    {
        var agency = Assert.Single(AgencyDirectory.ParseCsv(new StringReader(Csv(Good))));

        Assert.Equal(Agency.PartitionKeyValue, agency.PartitionKey);
        Assert.Equal("lanxi-wenlvj", agency.RowKey);
        Assert.Equal("兰溪市文化和旅游局", agency.Name);
        Assert.Equal("浙江省/金华市/兰溪市", agency.Region);
        Assert.Equal("部门", agency.Level);
        Assert.Equal("兰溪市人民政府办公室", agency.SupervisingOffice);
        Assert.Equal(["zhangli@lanxi.example"], agency.SubmitterEmails);
        Assert.Equal(["reviewer@zwgk.example"], agency.ReviewerEmails);
        Assert.False(agency.AutoPublish);
    }

    [Fact]
    public void Quoted_fields_hold_commas_doubled_quotes_and_semicolon_lists()
    {
        var row = "\"a-b\",\"某市\"\"智慧城市\"\"建设办公室，综合科,二组\",\"浙江省 / 金华市\",部门,\"监督机关, 政务公开办\",\"a@x.example; b@x.example\",r@y.example,\"否\"";

        var agency = Assert.Single(AgencyDirectory.ParseCsv(new StringReader(Csv(row))));

        Assert.Equal("a-b", agency.Id);
        Assert.Equal("某市\"智慧城市\"建设办公室，综合科,二组", agency.Name);
        Assert.Equal("浙江省/金华市", agency.Region);
        Assert.Equal("监督机关, 政务公开办", agency.SupervisingOffice);
        Assert.Equal("a@x.example;b@x.example", agency.Submitters);
        Assert.False(agency.AutoPublish);
    }

    [Fact]
    public void Utf8_with_and_without_bom_and_crlf_or_lf_read_alike()
    {
        var lf = Csv(Good, With("name", "青山街道办事处", "qingshan"));
        var crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);
        byte[][] files =
        [
            Encoding.UTF8.GetBytes(lf),
            [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(lf)],
            [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(crlf)],
        ];

        var read = files.Select(f => AgencyCsv.Read(f)).ToList();

        Assert.All(read, r => Assert.True(r.IsValid, string.Join("\n", r.Errors)));
        Assert.All(read, r => Assert.Equal(["lanxi-wenlvj", "qingshan"], r.Agencies.Select(a => a.Id)));
        Assert.All(read, r => Assert.Equal("青山街道办事处", r.Agencies[1].Name));
        Assert.Equal("lanxi-wenlvj", AgencyDirectory.ParseCsv(new StringReader("\uFEFF" + crlf))[0].Id);
    }

    [Fact]
    public void A_file_saved_as_gbk_is_refused_at_the_line_of_its_first_chinese_character()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes(Csv(Good));

        var result = AgencyCsv.Read(gbk);

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Agencies);
    }

    [Theory]
    [InlineData("id", "Lanxi_WLJ", "机构编号「Lanxi_WLJ」无效")]
    [InlineData("id", "", "机构编号不能为空")]
    [InlineData("name", " ", "机构名称不能为空")]
    [InlineData("name", "\"兰溪市\n文化和旅游局\"", "控制字符")]
    [InlineData("region", "", "地区「」")]
    [InlineData("region", "浙江省//兰溪市", "各级均不能为空")]
    [InlineData("region", "/浙江省", "各级均不能为空")]
    [InlineData("region", "中国/浙江省/金华市/兰溪市/云山街道", "1–4 级")]
    [InlineData("level", "县", "「县」不是已知的机关层级")]
    [InlineData("level", "", "应为以下之一：国务院部门、省级政府、设区的市、县级、乡镇街道、部门")]
    [InlineData("supervising_office", "", "主管（审核）机关不能为空")]
    [InlineData("submitters", "", "至少需要一个报送人邮箱")]
    [InlineData("submitters", " ; ", "至少需要一个报送人邮箱")]
    [InlineData("submitters", "zhangli", "「zhangli」不是有效的邮箱地址")]
    [InlineData("submitters", "a@x.example;张力 <b@x.example>", "「张力 <b@x.example>」不是有效的邮箱地址")]
    [InlineData("reviewers", "", "未设置自动发布（auto_publish 为否）时至少需要一个审核人邮箱")]
    [InlineData("reviewers", "reviewer@zwgk", "「reviewer@zwgk」不是有效的邮箱地址")]
    [InlineData("reviewers", "ZhangLi@Lanxi.example", "「zhangli@lanxi.example」同时是报送人和审核人")]
    [InlineData("auto_publish", "yes", "「yes」应为 true、false、1、0、是 或 否")]
    [InlineData("auto_publish", "", "「」应为 true、false、1、0、是 或 否")]
    public void Each_refusal_names_line_and_column_and_nothing_is_imported(string column, string value, string expected)
    {
        var result = AgencyCsv.Read(Csv(Good, With(column, value)));

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal(column, error.ColumnName);
        Assert.Equal(AgencyCsv.Columns.ToList().IndexOf(column) + 1, error.ColumnNumber);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"第 3 行第 {error.ColumnNumber} 列（{column}）：", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(result.Agencies); // the good line 2 is not imported either
    }

    [Fact]
    public void Reviewers_may_be_empty_when_the_agency_auto_publishes()
    {
        var row = With("reviewers", "", "auto-agency").Replace(",false", ",true", StringComparison.Ordinal);

        var agency = Assert.Single(AgencyDirectory.ParseCsv(new StringReader(Csv(row))));

        Assert.True(agency.AutoPublish);
        Assert.Empty(agency.ReviewerEmails);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData(" 1 ", true)]
    [InlineData("是", true)]
    [InlineData("False", false)]
    [InlineData("0", false)]
    [InlineData("否", false)]
    public void Auto_publish_reads_true_false_one_zero_and_chinese_yes_no(string text, bool expected)
    {
        var agency = Assert.Single(AgencyDirectory.ParseCsv(new StringReader(Csv(With("auto_publish", text)))));

        Assert.Equal(expected, agency.AutoPublish);
    }

    [Fact]
    public void Emails_are_lower_cased_and_de_duplicated_and_a_full_width_semicolon_separates_too()
    {
        var row = With("submitters", "\"ZhangLi@Lanxi.Example; zhangli@lanxi.example；Wang.Fang@Lanxi.example\"");

        var agency = Assert.Single(AgencyDirectory.ParseCsv(new StringReader(Csv(row))));

        Assert.Equal(["zhangli@lanxi.example", "wang.fang@lanxi.example"], agency.SubmitterEmails);
        Assert.Equal("zhangli@lanxi.example;wang.fang@lanxi.example", agency.Submitters);
    }

    [Fact]
    public void A_duplicate_id_is_refused_naming_the_first_line()
    {
        var result = AgencyCsv.Read(Csv(Good, With("name", "另一个", "other"), With("name", "重复的", "lanxi-wenlvj")));

        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.Line);
        Assert.Equal("id", error.ColumnName);
        Assert.Contains("与第 2 行重复", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unquoted_comma_shows_as_a_wrong_number_of_columns()
    {
        var result = AgencyCsv.Read(Csv(With("name", "兰溪市文化,旅游局")));

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Null(error.ColumnNumber);
        Assert.Contains("本行有 9 列，表头有 8 列", error.Message, StringComparison.Ordinal);
        Assert.Equal("第 2 行：" + error.Message, error.ToString());
    }

    [Theory]
    [InlineData("兰溪市\"文化\"局", "第 2 列含有双引号但未用双引号括起")]
    [InlineData("\"兰溪市\"文化局", "第 2 列的右引号后还有文字")]
    public void Misplaced_quotes_are_refused_and_the_next_lines_still_checked(string name, string expected)
    {
        var result = AgencyCsv.Read(Csv(With("name", name), With("level", "县")));

        Assert.Equal(2, result.Errors.Count);
        Assert.Equal(2, result.Errors[0].Line);
        Assert.Contains(expected, result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(3, result.Errors[1].Line);
        Assert.Equal("level", result.Errors[1].ColumnName);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_at_the_line_it_opens()
    {
        var result = AgencyCsv.Read(Csv(Good, With("name", "\"兰溪市文化局"), Good.Replace("lanxi-wenlvj", "third", StringComparison.Ordinal)));

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("引号没有闭合", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_numbers_count_blank_lines_empty_spreadsheet_rows_and_line_breaks_inside_quotes()
    {
        var text = Csv("", Good, ",,,,,,,", With("supervising_office", "\"政务\n公开办\"", "multi-line"), "  ", With("level", "市", "late"));

        var result = AgencyCsv.Read(text);

        Assert.Equal([(5, "supervising_office"), (8, "level")], result.Errors.Select(e => (e.Line, e.ColumnName!)));
    }

    [Fact]
    public void Every_error_of_every_line_is_reported_in_order()
    {
        var bad = "Bad_Id,,浙江省//x,县,,nobody,,maybe";

        var result = AgencyCsv.Read(Csv(Good, bad, With("level", "市")));

        Assert.Equal(
            ["id", "name", "region", "level", "supervising_office", "auto_publish", "submitters", "level"],
            result.Errors.Select(e => e.ColumnName));
        Assert.Equal([3, 3, 3, 3, 3, 3, 3, 4], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Parse_csv_throws_a_format_exception_that_lists_every_error()
    {
        var exception = Assert.Throws<AgencyCsvException>(() => AgencyDirectory.ParseCsv(new StringReader(Csv(With("level", "县"), With("auto_publish", "x", "second")))));

        Assert.IsAssignableFrom<FormatException>(exception);
        Assert.Equal(2, exception.Errors.Count);
        Assert.Contains("有 2 处错误，未导入任何机构", exception.Message, StringComparison.Ordinal);
        Assert.Contains("第 2 行第 4 列（level）", exception.Message, StringComparison.Ordinal);
        Assert.Contains("第 3 行第 8 列（auto_publish）", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_extra_columns_are_ignored()
    {
        var text = "备注,auto_publish,reviewers,submitters,supervising_office,level,region,name,ID\n"
                   + "某备注,是,r@y.example,s@x.example,政务公开办,县级,浙江省/金华市/兰溪市,兰溪市人民政府,lanxi-zf\n";

        var agency = Assert.Single(AgencyDirectory.ParseCsv(new StringReader(text)));

        Assert.Equal("lanxi-zf", agency.Id);
        Assert.Equal("兰溪市人民政府", agency.Name);
        Assert.Equal(AgencyLevels.County, agency.Level);
        Assert.True(agency.AutoPublish);
    }

    [Fact]
    public void A_header_missing_columns_is_refused_on_line_one_naming_them()
    {
        var result = AgencyCsv.Read("id,name,region,level,supervising_office,submitter,reviewers\n" + Good + "\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("表头缺少列「submitters」「auto_publish」", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_header_column_is_refused()
    {
        var error = Assert.Single(AgencyCsv.Read(Header + ",level\n").Errors);

        Assert.Equal((1, 9, "level"), (error.Line, error.ColumnNumber, error.ColumnName));
        Assert.Contains("重复", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\n\n")]
    public void An_empty_file_is_refused(string text)
    {
        var error = Assert.Single(AgencyCsv.Read(text).Errors);

        Assert.Equal(1, error.Line);
        Assert.Contains("机构名录为空", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_alone_is_an_empty_directory()
    {
        var result = AgencyCsv.Read(Header + "\r\n");

        Assert.True(result.IsValid);
        Assert.Empty(result.Agencies);
    }

    [Fact]
    public void What_is_written_reads_back_the_same_for_any_names_and_offices()
    {
        // Commas, quotes, semicolons, slashes and spaces inside: everything a spreadsheet lets an operator type.
        var text = Gen.Char["，,\"'；;/（）() 兰溪市政府办公室局街道abcXYZ019-"].Array[1, 30]
            .Select(chars => new string(chars).Trim())
            .Where(s => s.Length > 0);
        var agencies = Gen.Select(text, text, Gen.Bool, Gen.Int[1, 3], (name, office, autoPublish, submitters) => (name, office, autoPublish, submitters))
            .List[1, 6];

        agencies.Sample(generated =>
        {
            var written = generated.Select((g, i) => new Agency
            {
                RowKey = $"agency-{i}",
                Name = g.name,
                Region = "浙江省/金华市",
                Level = AgencyLevels.Township,
                SupervisingOffice = g.office,
                Submitters = string.Join(';', Enumerable.Range(0, g.submitters).Select(n => $"s{n}@agency-{i}.example")),
                Reviewers = $"r@office-{i}.example",
                AutoPublish = g.autoPublish,
            }).ToList();
            using var csv = new StringWriter();
            AgencyCsv.Write(written, csv);

            var read = AgencyCsv.Read(csv.ToString());

            Assert.True(read.IsValid, string.Join("\n", read.Errors) + "\n" + csv);
            Assert.Equal(
                written.Select(a => (a.Id, a.Name, a.Region, a.Level, a.SupervisingOffice, a.Submitters, a.Reviewers, a.AutoPublish)),
                read.Agencies.Select(a => (a.Id, a.Name, a.Region, a.Level, a.SupervisingOffice, a.Submitters, a.Reviewers, a.AutoPublish)));
        }, iter: 300);
    }

    [Theory]
    [InlineData("name", "<script>alert(1)</script>兰溪市文化和旅游局", 2, "第 1 个字符为「<」")]
    [InlineData("name", "兰溪市文化和旅游局<img src=x onerror=alert(1)>", 2, "第 10 个字符为「<」")]
    [InlineData("region", "浙江省/金华市>", 3, "「>」")]
    [InlineData("level", "<b>部门</b>", 4, "「<」")]
    [InlineData("supervising_office", "兰溪市政务公开办<svg onload=alert(1)>", 5, "「<」")]
    [InlineData("name", "兰溪市‮局化文", 2, "格式字符 U+202E")]
    [InlineData("name", "兰溪市​文化和旅游局", 2, "格式字符 U+200B")]
    public void Markup_or_invisible_characters_in_directory_text_are_refused_with_line_and_column(string column, string value, int columnNumber, string fragment)
    {
        var result = AgencyCsv.Read(Csv(Good, With(column, value)));

        Assert.Empty(result.Agencies);
        var error = Assert.Single(result.Errors);
        Assert.Equal((3, columnNumber, column), (error.Line, error.ColumnNumber, error.ColumnName));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"第 3 行第 {columnNumber} 列（{column}）", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("兰溪市《政务公开》编辑部（文物局）")]
    [InlineData("〈测试〉【试点】「办公室」、综合科")]
    [InlineData("兰溪市＜全角＞办公室")]
    [InlineData("R&D 测试中心 (试点) 'A'")]
    public void Chinese_punctuation_and_book_title_marks_are_not_markup(string name)
    {
        var agency = Assert.Single(AgencyDirectory.ParseCsv(new StringReader(Csv(With("name", name)))));

        Assert.Equal(name, agency.Name);
    }

    [Fact]
    public void Agencies_written_without_the_csv_are_held_to_the_same_rule()
    {
        var agency = AgencyDirectory.ParseCsv(new StringReader(Csv(Good)))[0];
        AgencyText.EnsureClean(agency);

        agency.SupervisingOffice = "政务公开办<script>";
        var error = Assert.Throws<ArgumentException>(() => AgencyText.EnsureClean(agency));

        Assert.Contains("lanxi-wenlvj", error.Message, StringComparison.Ordinal);
        Assert.Contains("supervising_office", error.Message, StringComparison.Ordinal);
        Assert.Contains("第 6 个字符为「<」", error.Message, StringComparison.Ordinal);
    }

}
