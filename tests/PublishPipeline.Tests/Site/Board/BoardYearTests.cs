using PublishPipeline.Site.Board;

namespace PublishPipeline.Tests.Site.Board;

public sealed class BoardYearTests
{
    [Theory]
    [InlineData("2026-12-01", 2026)]
    [InlineData("2026-12-31", 2026)]
    [InlineData("2027-01-01", 2026)]
    [InlineData("2027-01-31", 2026)]
    [InlineData("2027-03-31", 2026)]
    [InlineData("2027-11-30", 2026)]
    [InlineData("2027-12-01", 2027)]
    public void The_default_year_is_the_one_being_written_or_chased(string today, int year) =>
        Assert.Equal(year, BoardYear.Default(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_default_follows_the_beijing_date()
    {
        // 2026-11-30 16:30 UTC is already 12月1日 in Beijing.
        Assert.Equal(2026, BoardYear.Default(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero)));
        Assert.Equal(2025, BoardYear.Default(new DateTimeOffset(2026, 11, 30, 15, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_selector_offers_every_year_from_2019_to_this_one_newest_first()
    {
        var today = new DateOnly(2027, 1, 15);

        Assert.Equal([2027, 2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019], BoardYear.Choices(today));
        Assert.Contains(BoardYear.Default(today), BoardYear.Choices(today));
        Assert.True(BoardYear.IsAllowed(2019, today));
        Assert.False(BoardYear.IsAllowed(2018, today));
        Assert.False(BoardYear.IsAllowed(2028, today));
    }
}
