using PublishPipeline.Pipeline;
using PublishPipeline.Submissions;

namespace PublishPipeline.Tests.Submissions;

public class SubmissionIdsTests
{
    [Theory]
    [InlineData("lanxi-wenlvj", 2020, 1)]
    [InlineData("x-v1", 2021, 12)]
    [InlineData("a1-2020", 2021, 99999)]
    [InlineData("unfiled", 0, 3)]
    public void Ids_round_trip_to_their_report_and_version(string agency, int year, int version)
    {
        var id = SubmissionIds.For(agency, year, version);

        Assert.True(SubmissionIds.TryParse(id, out var report, out var parsed));
        Assert.Equal((new ReportKey(agency, year), version), (report, parsed));
    }

    [Theory]
    [InlineData("0123456789abcdef01234567")]
    [InlineData("lanxi-wenlvj-2020-v0")]
    [InlineData("lanxi-wenlvj-2020-v100000")]
    [InlineData("Lanxi-2020-v1")]
    [InlineData("lanxi-20-v1")]
    [InlineData("lanxi-2020-v01")]
    [InlineData("-2020-v1")]
    [InlineData("lanxi_x-2020-v1")]
    [InlineData("../etc-2020-v1")]
    [InlineData(null)]
    public void Anything_else_is_not_an_id(string? id) => Assert.False(SubmissionIds.IsWellFormed(id));

    [Fact]
    public void Version_rows_sort_by_version() =>
        Assert.Equal(
            Enumerable.Range(1, 120).ToList(),
            Enumerable.Range(1, 120).Select(SubmissionIds.RowKeyFor).Order(StringComparer.Ordinal).Select(k => int.Parse(k[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList());

    [Fact]
    public void Report_partitions_of_one_agency_never_include_another_agencys()
    {
        // ListForAgencyAsync selects partitions between "{agency}_" and "{agency}`".
        var mine = new ReportKey("abc", 2021).PartitionKey;
        var other = new ReportKey("abc-x", 2021).PartitionKey;
        Assert.True(string.CompareOrdinal(mine, "abc_") > 0 && string.CompareOrdinal(mine, "abc`") < 0);
        Assert.False(string.CompareOrdinal(other, "abc_") > 0 && string.CompareOrdinal(other, "abc`") < 0);
    }

    [Theory]
    [InlineData("lanxi/2021/v3-0950410d8566-年报.docx", 3)]
    [InlineData("lanxi/2021/v12-abc-x.txt", 12)]
    [InlineData("lanxi/2021/年报.docx", null)]
    [InlineData("lanxi/2021/vx-年报.docx", null)]
    [InlineData("lanxi/2021/v-年报.docx", null)]
    public void Api_upload_names_say_their_version(string blob, int? version) =>
        Assert.Equal(version, DraftBlobName.Parse(blob).UploadVersion);

    [Fact]
    public void Api_upload_names_carry_the_version_and_hash()
    {
        var name = DraftBlobName.ForUpload("lanxi", 2021, 4, new string('a', 64), "../年报.docx");
        Assert.Equal("lanxi/2021/v4-aaaaaaaaaaaa-年报.docx", name);
        Assert.Equal(4, DraftBlobName.Parse(name).UploadVersion);
    }
}
