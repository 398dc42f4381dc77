using PublishPipeline.Site.Board;
using PublishPipeline.Submissions;
using static PublishPipeline.Tests.Site.Board.BoardFixtures;

namespace PublishPipeline.Tests.Site.Board;

public sealed class RegionBoardTests
{
    [Fact]
    public void Lists_every_agency_the_region_covers_urgent_first()
    {
        var board = BoardOf();

        // Overdue and not published first (at equal days: not submitted, needs changes, awaiting review), then the
        // governments with 56 days left (awaiting review before approved), then the published, the late one first.
        Assert.Equal(["nosub", "refused", "fix", "review", "county", "sched", "late", "ontime"], board.Rows.Select(r => r.AgencyId));
        Assert.DoesNotContain(board.Rows, r => r.AgencyId == "outside");
        Assert.Equal(4, board.Overdue);
    }

    [Fact]
    public void Counts_each_state_in_the_order_of_urgency()
    {
        var counts = BoardOf().Counts.ToDictionary(c => c.Name, c => c.Count);

        Assert.Equal(["未报送", "需修改", "校验中", "待审核", "已批准待发布", "已发布"], BoardOf().Counts.Select(c => c.Name));
        Assert.Equal(2, counts["未报送"]);
        Assert.Equal(1, counts["需修改"]);
        Assert.Equal(0, counts["校验中"]);
        Assert.Equal(2, counts["待审核"]);
        Assert.Equal(1, counts["已批准待发布"]);
        Assert.Equal(2, counts["已发布"]);
    }

    [Fact]
    public void Days_left_follow_the_deadline_of_each_level_in_beijing_dates()
    {
        var rows = BoardOf().Rows.ToDictionary(r => r.AgencyId);

        // 部门 by 1月31日; 县级 by 3月31日; 乡镇街道 chased with the departments (as the reminders do).
        Assert.Equal(new DateOnly(2027, 1, 31), rows["nosub"].Deadline);
        Assert.Equal(-3, rows["nosub"].DaysLeft);
        Assert.Equal("已逾期 3 天", BoardText.Deadline(rows["nosub"]));
        Assert.Equal(new DateOnly(2027, 3, 31), rows["county"].Deadline);
        Assert.Equal(56, rows["county"].DaysLeft);
        Assert.Equal("还剩 56 天", BoardText.Deadline(rows["county"]));
        Assert.Equal(new DateOnly(2027, 1, 31), rows["review"].Deadline);
        Assert.True(rows["review"].Overdue);

        var onDeadline = BoardOf(today: new DateOnly(2027, 1, 31)).Rows.Single(r => r.AgencyId == "fix");
        Assert.Equal(0, onDeadline.DaysLeft);
        Assert.Equal("今天截止", BoardText.Deadline(onDeadline));
        Assert.False(onDeadline.Overdue);
    }

    [Fact]
    public void Published_reports_say_whether_they_were_late_by_the_beijing_date()
    {
        var rows = BoardOf().Rows.ToDictionary(r => r.AgencyId);

        Assert.Equal(0, rows["ontime"].DaysLate);
        Assert.Null(rows["ontime"].DaysLeft);
        Assert.Equal("按期发布", BoardText.Deadline(rows["ontime"]));
        Assert.Equal("2027年1月20日 10:00 发布", rows["ontime"].Detail);
        Assert.Equal(2, rows["late"].DaysLate);
        Assert.Equal("逾期 2 天发布", BoardText.Deadline(rows["late"]));
        Assert.StartsWith("2027年2月2日 01:00 发布（逾期 2 天）", rows["late"].Detail, StringComparison.Ordinal);
        Assert.EndsWith("更正版第 3 版待审核", rows["late"].Detail, StringComparison.Ordinal);
        Assert.Equal(SubmissionIds.For("late", Year, 2), rows["late"].SubmissionId);
        Assert.False(rows["late"].Overdue);
    }

    [Fact]
    public void Each_state_reads_as_the_supervisor_needs_it()
    {
        var rows = BoardOf().Rows.ToDictionary(r => r.AgencyId);

        Assert.Equal(("未报送", "尚未上传任何版本", (string?)null), (rows["nosub"].StateName, rows["nosub"].Detail, rows["nosub"].SubmissionId));
        Assert.Equal(("无法受理", "第 1 版无法受理，尚无有效版本"), (rows["refused"].StateName, rows["refused"].Detail));
        Assert.Equal(BoardStatus.NotSubmitted, rows["refused"].Category);
        Assert.Equal(("需修改", "第 1 版有 5 处错误", 5), (rows["fix"].StateName, rows["fix"].Detail, rows["fix"].Errors));
        Assert.Equal(("待审核", "第 2 版自 2027年1月26日 00:30 起待审核"), (rows["review"].StateName, rows["review"].Detail));
        Assert.Equal(SubmissionIds.For("review", Year, 2), rows["review"].SubmissionId);
        Assert.Equal(("已批准（待发布）", "第 1 版定于 2027年3月1日 09:00 发布"), (rows["sched"].StateName, rows["sched"].Detail));
        Assert.Equal(("已发布", BoardStatus.Published), (rows["ontime"].StateName, rows["ontime"].Category));
    }

    [Fact]
    public void A_version_returned_by_the_reviewer_without_errors_says_so()
    {
        var board = BoardOf(versions: [Version("fix", 1, SubmissionState.NeedsChanges)]);

        Assert.Equal("第 1 版经审核退回修改", board.Rows.Single(r => r.AgencyId == "fix").Detail);
    }

    [Fact]
    public void A_version_being_read_is_counted_apart()
    {
        var row = BoardOf(versions: [Version("fix", 1, SubmissionState.NeedsChanges, errors: 3), Version("fix", 2, SubmissionState.Received)]).Rows.Single(r => r.AgencyId == "fix");

        Assert.Equal(BoardStatus.Processing, row.Category);
        Assert.Equal(("已收到", "第 2 版已收到，正在校验"), (row.StateName, row.Detail));
    }

    [Fact]
    public void The_order_does_not_depend_on_the_order_agencies_and_versions_come_in()
    {
        var expected = BoardOf().Rows.Select(r => r.AgencyId).ToList();
        var random = new Random(13);
        for (var i = 0; i < 20; i++)
        {
            var shuffledAgencies = RegionAgencies.OrderBy(_ => random.Next()).ToList();
            var shuffledVersions = RegionVersions.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, BoardOf(shuffledAgencies, shuffledVersions).Rows.Select(r => r.AgencyId));
        }
    }

    [Fact]
    public void Agencies_without_a_deadline_come_after_those_with_one_and_before_the_published()
    {
        var board = RegionBoard.Build(
            Region,
            RegionAgencies,
            RegionVersions,
            Year,
            Today,
            (level, year) => level == "部门" ? null : PublishPipeline.Pipeline.Deadlines.ReminderPlanner.DeadlineFor(PublishPipeline.Validation.DeadlineCalendar.National, level, year));

        // Without deadlines the published cannot be late: they follow in publication order.
        Assert.Equal(["review", "county", "sched", "nosub", "refused", "fix", "ontime", "late"], board.Rows.Select(r => r.AgencyId));
        var fix = board.Rows.Single(r => r.AgencyId == "fix");
        Assert.Null(fix.DaysLeft);
        Assert.Equal("无统一截止日期", BoardText.Deadline(fix));
        Assert.Equal("—", BoardText.DeadlineDate(fix.Deadline));
    }

    [Fact]
    public void An_empty_region_has_no_rows_and_zero_counts()
    {
        var board = BoardOf(agencies: [Agency("outside", "部门", "江屿市")]);

        Assert.Empty(board.Rows);
        Assert.All(board.Counts, c => Assert.Equal(0, c.Count));
    }
}
