using PublishPipeline.Calendar;
using PublishPipeline.Site.Views;

namespace PublishPipeline.Tests.Site;

public sealed class DateTextTests
{
    public static TheoryData<string> Instants => new()
    {
        "2022-01-19T15:59:59Z", "2022-01-19T16:00:00Z", "2021-12-31T16:00:00+00:00", "2024-02-28T20:30:00-05:00",
        "1990-06-01T12:00:00Z", "2099-12-31T23:59:59Z",
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void The_cached_date_text_is_the_same_as_china_time(string instant)
    {
        var value = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(ChinaTime.IsoDate(value), DateText.Iso(value));
        Assert.Equal(ChinaTime.FormatDate(value), DateText.Chinese(value));
        Assert.Equal(ChinaTime.FormatDate(value), DateText.Chinese(value));
    }
}
