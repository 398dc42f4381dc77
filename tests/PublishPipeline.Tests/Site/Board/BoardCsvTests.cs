using System.Text;
using PublishPipeline.Site.Board;
using PublishPipeline.Submissions;
using static PublishPipeline.Tests.Site.Board.BoardFixtures;

namespace PublishPipeline.Tests.Site.Board;

public sealed class BoardCsvTests
{
    private const string Api = "https://api.example.gov.cn/";

    [Fact]
    public void Writes_the_board_rows_in_order_as_utf8_with_a_bom_and_chinese_headers()
    {
        var board = BoardOf();
        var file = BoardCsv.Write(board, Api);
        var bytes = file.Content.ToArray();

        Assert.Equal("lanxi-2026-board.csv", file.Path);
        Assert.Equal("text/csv; charset=utf-8", file.ContentType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Lines(bytes);
        Assert.Equal(string.Join(',', BoardCsv.Headers), lines[0]);
        Assert.StartsWith("机关编号,机关名称,层级,报告年度,状态,说明,截止日期,剩余天数,逾期天数", lines[0], StringComparison.Ordinal);
        Assert.Equal(board.Rows.Select(r => r.AgencyId), lines.Skip(1).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public void Each_row_carries_the_state_the_days_and_the_status_link()
    {
        var lines = Lines(BoardCsv.Write(BoardOf(), Api).Content.ToArray()).Skip(1).ToDictionary(l => l.Split(',')[0]);

        Assert.Equal("nosub,nosub局,部门,2026,未报送,尚未上传任何版本,2027-01-31,0,3,0,,,,,", lines["nosub"]);
        Assert.Equal(
            $"fix,fix局,部门,2026,需修改,第 1 版有 5 处错误,2027-01-31,0,3,5,,,,1,{Api}api/submissions/{SubmissionIds.For("fix", Year, 1)}",
            lines["fix"]);
        Assert.Equal(
            $"county,county局,县级,2026,待审核,第 1 版自 2027年1月10日 09:00 起待审核,2027-03-31,56,,0,2027-01-10 09:00,,,1,{Api}api/submissions/{SubmissionIds.For("county", Year, 1)}",
            lines["county"]);
        Assert.Contains(",2027-03-31,56,,0,,2027-03-01 09:00,,1,", lines["sched"], StringComparison.Ordinal);
        Assert.Contains(",2027-01-31,,2,0,,,2027-02-02 01:00,2,", lines["late"], StringComparison.Ordinal);
        Assert.Contains(",2027-01-31,,0,0,,,2027-01-20 10:00,1,", lines["ontime"], StringComparison.Ordinal);
    }

    [Fact]
    public void Quotes_commas_and_quotes_and_guards_formulas_in_directory_text()
    {
        var agencies = new[] { Agency("odd", "部门", name: "=HYPERLINK(\"x\"),局") };

        var lines = Lines(BoardCsv.Write(BoardOf(agencies, []), Api).Content.ToArray());

        Assert.StartsWith("odd,\"'=HYPERLINK(\"\"x\"\"),局\",部门,", lines[1], StringComparison.Ordinal);
    }

    private static List<string> Lines(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        return [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
    }
}
