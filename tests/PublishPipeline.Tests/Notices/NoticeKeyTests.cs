using PublishPipeline.Notices;

namespace PublishPipeline.Tests.Notices;

public sealed class NoticeKeyTests
{
    [Theory]
    [InlineData("0123456789abcdef01234567", "published")]
    [InlineData("~deadline-reminder", "it-1|2027|2027-01-17")]
    [InlineData("~operator-alert", "20270128-0a1b2c3d4e5f")]
    public void The_key_sendgrid_echoes_names_the_record(string partition, string row) =>
        Assert.Equal((partition, row), NoticeKey.Parse(NoticeKey.Format(partition, row)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-slash")]
    [InlineData("/published")]
    [InlineData("submission/")]
    [InlineData("a/b/c")]
    [InlineData("a/b#c")]
    [InlineData("a\\b/c")]
    [InlineData("a/b?c")]
    [InlineData("a/b\nc")]
    public void Text_that_cannot_name_a_record_is_refused(string? key) =>
        Assert.Null(NoticeKey.Parse(key));
}
