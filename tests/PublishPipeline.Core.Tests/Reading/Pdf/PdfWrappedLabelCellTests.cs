using PublishPipeline.Reading;
using PublishPipeline.Reading.Pdf;

namespace PublishPipeline.Tests.Reading.Pdf;

/// <summary>
/// Table 三 as LibreOffice draws it, cell by cell: a narrow label cell's lines, then its values on a line of their own
/// level with a middle line, the group label in a column of its own before its first sub-row, and a cell that a page
/// break cut going on at the top of the next page after its values. Lines built by hand, so the joining by column is
/// tested apart from any one file.
/// </summary>
public class PdfWrappedLabelCellTests
{
    private const double Size = 10.5;
    private const double Pitch = 15.1;

    private static PdfLine Line(int page, double left, double baseline, params string[] segments) =>
        new(page, segments, left, left + (segments.Sum(s => s.Length) * Size) + (segments.Length * 20), baseline, Size);

    /// <summary>A cell's wrapped lines, top down from <paramref name="top"/>, in one column.</summary>
    private static IEnumerable<PdfLine> Cell(int page, double left, double top, params string[] lines) =>
        lines.Select((text, i) => Line(page, left, top - (i * Pitch), text));

    private static readonly string[] Zeros = ["0", "0", "0", "0", "0", "0", "0"];

    /// <summary>The part's heading and the table's header line (two cells, so neither is a wrapped fragment).</summary>
    private static List<PdfLine> Start() =>
        [Line(1, 62, 720, "三、收到和处理政府信息公开申请情况"), Line(1, 70, 700, "（本列数据的勾稽关系为：第一项加第二项之和）", "申请人情况")];

    /// <summary>The rows after the header row.</summary>
    private static List<List<string>> Rows(IEnumerable<PdfLine> lines) =>
        [.. PdfLayout.Build([.. lines]).Items.OfType<TableRowItem>().Select(r => r.Cells.ToList()).Skip(1)];

    [Fact]
    public void Group_and_sub_labels_wrapped_by_column_are_whole_labels_beside_their_values()
    {
        var lines = Start();
        lines.AddRange(Cell(1, 117, 560, "（五）", "不予处", "理"));
        lines.AddRange(Cell(1, 164, 650, "1.信访", "举报投", "诉类申", "请"));
        lines.Add(Line(1, 224, 628, ["1", "0", "0", "0", "0", "0", "1"]));
        lines.AddRange(Cell(1, 164, 589, "2.重复"));
        lines.Add(Line(1, 170, 574, ["申请", .. Zeros]));
        lines.AddRange(Cell(1, 164, 558, "3.要求", "提供公", "开出版", "物"));
        lines.Add(Line(1, 224, 536, Zeros));

        var rows = Rows(lines);

        Assert.Equal(["（五）不予处理"], rows[0]);
        Assert.Equal(["1.信访举报投诉类申请", "1", "0", "0", "0", "0", "0", "1"], rows[1]);
        Assert.Equal(["2.重复申请", .. Zeros], rows[2]);
        Assert.Equal(["3.要求提供公开出版物", .. Zeros], rows[3]);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public void A_label_cell_cut_by_a_page_break_goes_on_after_its_values()
    {
        var lines = Start();
        lines.AddRange(Cell(1, 117, 120, "（四）", "无法提", "供"));
        lines.AddRange(Cell(1, 164, 116, "1.本机", "关不掌", "握相关"));
        lines.Add(Line(1, 224, 118, ["2", "1", "0", "0", "0", "0", "3"]));
        lines.AddRange(Cell(2, 164, 757, "政府信", "息"));
        lines.AddRange(Cell(2, 164, 726, "2.没有", "现成信", "息需要", "另行制", "作"));
        lines.Add(Line(2, 224, 697, Zeros));

        // And a row label whose first line is the values' line, the rest of it on the next page.
        lines.Add(Line(2, 70, 80, ["一、本年新收政府信息公开", "9", "1", "0", "0", "0", "0", "10"]));
        lines.Add(Line(3, 112, 757, "申请数量"));

        var rows = Rows(lines);

        Assert.Equal(["（四）无法提供"], rows[0]);
        Assert.Equal(["1.本机关不掌握相关政府信息", "2", "1", "0", "0", "0", "0", "3"], rows[1]);
        Assert.Equal(["2.没有现成信息需要另行制作", .. Zeros], rows[2]);
        Assert.Equal(["一、本年新收政府信息公开申请数量", "9", "1", "0", "0", "0", "0", "10"], rows[3]);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public void Values_whose_label_never_completes_stay_a_row_of_their_own()
    {
        var lines = Start();
        lines.AddRange(Cell(1, 164, 650, "甲乙", "丙丁"));
        lines.Add(Line(1, 224, 640, Zeros));
        lines.AddRange(Cell(1, 164, 620, "戊己"));

        var rows = Rows(lines);

        Assert.Equal(["甲乙丙丁"], rows[0]);
        Assert.Equal(Zeros, rows[1]);
        Assert.Equal(["戊己"], rows[2]);
    }
}
