using PublishPipeline.Reading.Flattened;

namespace PublishPipeline.Tests.Reading.Flattened;

public class RunSplitterTests
{
    private static readonly bool[] SevenIntegers = [false, false, false, false, false, false, false];

    // Table 三's own row arithmetic: 总计 = the six applicant columns.
    private static bool RowTotal(decimal[] values, int filled) => filled == 7 && values[..6].Sum() == values[6];

    [Fact]
    public void A_run_with_one_split_that_adds_up_is_read()
    {
        var splits = RunSplitter.Split("713000074", SevenIntegers, RowTotal);

        Assert.True(splits.IsUnique);
        Assert.Equal([71m, 3, 0, 0, 0, 0, 74], splits.Candidates[0]);
    }

    [Fact]
    public void A_run_with_two_splits_that_add_up_is_not_unique()
    {
        // 11/0/0/0/0/0/11 and 1/10/0/0/0/0/11: both satisfy the row total.
        var splits = RunSplitter.Split("110000011", SevenIntegers, RowTotal);

        Assert.True(splits.Complete);
        Assert.False(splits.IsUnique);
        Assert.Contains(splits.Candidates, c => c.SequenceEqual([1m, 10, 0, 0, 0, 0, 11]));
        Assert.Contains(splits.Candidates, c => c.SequenceEqual([11m, 0, 0, 0, 0, 0, 11]));
    }

    [Fact]
    public void A_run_that_no_split_adds_up_has_no_candidate()
    {
        var splits = RunSplitter.Split("9000001", SevenIntegers, RowTotal);

        Assert.True(splits.Complete);
        Assert.Empty(splits.Candidates);
    }

    [Fact]
    public void Numbers_have_no_leading_zero_except_a_lone_zero()
    {
        var splits = RunSplitter.Split("100", [false, false]);

        // 10/0 only: 1/00 would need a number with a leading zero.
        Assert.Equal([10m, 0], Assert.Single(splits.Candidates));
    }

    [Fact]
    public void Spaces_in_the_run_are_cell_boundaries()
    {
        // With the spaces every piece ends a cell: one split. The same digits joined split in several ways.
        var spaced = RunSplitter.Split("23 0 00 0 023", SevenIntegers);
        var joined = RunSplitter.Split("230000023", SevenIntegers);

        Assert.Equal([23m, 0, 0, 0, 0, 0, 23], Assert.Single(spaced.Candidates));
        Assert.True(joined.Candidates.Count > 1);
    }

    [Fact]
    public void A_space_that_no_split_can_honour_leaves_no_candidate()
    {
        Assert.Empty(RunSplitter.Split("2 113", [false]).Candidates);
        Assert.Equal([2113m], Assert.Single(RunSplitter.Split("2113", [false]).Candidates));
    }

    [Fact]
    public void A_decimal_point_stays_inside_one_number_of_a_money_column()
    {
        Assert.Equal([4166.241619m], Assert.Single(RunSplitter.Split("4166.241619", [true]).Candidates));

        // An integer column never takes the point: the run cannot be an integer cell.
        Assert.Empty(RunSplitter.Split("9116.36", [false]).Candidates);

        // Count + money: the point belongs to the money cell, wherever the count ends.
        var procurement = RunSplitter.Split("1352.5", [false, true]);
        Assert.Equal(3, procurement.Candidates.Count);
        Assert.All(procurement.Candidates, c => Assert.Equal(0.5m, c[1] - decimal.Truncate(c[1])));
    }

    [Fact]
    public void Three_columns_without_arithmetic_have_several_splits()
    {
        // 2021's 行政规范性文件 row (制发/废止/现行有效) has no identity: the splitter lists, it never picks.
        var splits = RunSplitter.Split("8855698", [false, false, false]);

        Assert.True(splits.Candidates.Count > 1);
        Assert.False(splits.IsUnique);
    }

    [Fact]
    public void A_hostile_run_is_bounded_and_says_it_is_incomplete()
    {
        var splits = RunSplitter.Split(new string('1', 400), SevenIntegers, RowTotal);

        Assert.False(splits.Complete);
        Assert.False(splits.IsUnique);
    }

    [Fact]
    public void Group_totals_prune_table_four()
    {
        // 2+1+3+1=7, 0/0/0/0/0, 13+2+4+0=19: a run of 17 digits for 15 cells, one split satisfies every group.
        var splits = RunSplitter.Split("21317000001324019", new bool[15], GroupTotals, 5);

        Assert.True(splits.IsUnique);
        Assert.Equal([2m, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19], splits.Candidates[0]);
    }

    private static bool GroupTotals(decimal[] values, int filled)
    {
        for (var start = 0; start + 5 <= filled; start += 5)
        {
            if (values[start] + values[start + 1] + values[start + 2] + values[start + 3] != values[start + 4])
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void A_minus_inside_a_run_starts_a_cell_of_a_signed_column_only()
    {
        bool[] threeIntegers = [false, false, false];
        bool[] changeIsSigned = [false, true, false];

        // 上一年项目数量 / 本年增/减 / 处理决定数量: "35-15" as a two-column row has one reading, 35 and −15.
        var fees = RunSplitter.Split("35-15", [false, false], signed: [false, true]);
        Assert.True(fees.IsUnique);
        Assert.Equal([35m, -15m], fees.Candidates[0]);

        // A minus can never be inside a number, and never in a column that takes no sign.
        Assert.Empty(RunSplitter.Split("35-15", [false, false]).Candidates);
        var penalty = RunSplitter.Split("2648-18538", threeIntegers, signed: changeIsSigned);
        Assert.True(penalty.Complete);
        Assert.Contains(penalty.Candidates, c => c.SequenceEqual([2648m, -185, 38]));
        Assert.All(penalty.Candidates, c => Assert.True(c[1] < 0));
    }
}
