using System.Text;
using PublishPipeline.Access;
using PublishPipeline.Submissions;

namespace PublishPipeline.Tests.Submissions;

/// <summary>The supervised regions: the CSV they are loaded from, which agencies a region covers, and who supervises it.</summary>
public sealed class RegionCsvTests
{
    private const string Header = "id,name,region,office,supervisors";

    private static string Csv(params string[] rows) => string.Join("\n", [Header, .. rows]) + "\n";

    [Fact]
    public void The_sample_regions_cover_the_sample_agencies_each_by_its_own_region()
    {
        var regions = RegionCsv.Read(File.ReadAllText(Corpus.Sample("regions.csv")));
        var agencies = AgencyDirectory.ParseCsv(new StringReader(File.ReadAllText(Corpus.Sample("agencies.csv"))));

        Assert.True(regions.IsValid, string.Join("\n", regions.Errors));
        Assert.Equal(["lanxi", "jiangyu"], regions.Regions.Select(r => r.Id));
        foreach (var agency in agencies)
        {
            Assert.Single(regions.Regions, r => r.Covers(agency));
        }

        Assert.All(regions.Regions.SelectMany(r => r.SupervisorEmails), e => Assert.EndsWith(".example", e, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("浙江省/金华市/兰溪市", true)]
    [InlineData("浙江省/金华市/兰溪市/云山街道", true)]
    [InlineData("浙江省/金华市", false)]
    [InlineData("浙江省/金华市/兰溪市郊", false)]
    [InlineData("浙江省/金华市/义乌市", false)]
    public void A_region_covers_its_own_path_and_what_lies_below_it_part_by_part(string agencyRegion, bool covered)
    {
        var region = new SupervisedRegion { RowKey = "lanxi", Region = "浙江省/金华市/兰溪市" };

        Assert.Equal(covered, region.Covers(new Agency { RowKey = "a-b", Region = agencyRegion }));
    }

    [Fact]
    public void Supervisors_are_normalised_and_only_they_supervise_and_only_agencies_of_their_region()
    {
        var result = RegionCsv.Read(Csv(
            "lanxi,兰溪市,浙江省 / 金华市 / 兰溪市,兰溪市政务公开办,Li@Lanxi.example；wang@lanxi.example;li@lanxi.example",
            "yiwu,义乌市,浙江省/金华市/义乌市,义乌市政务公开办,zhao@yiwu.example"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var lanxi = result.Regions[0];
        Assert.Equal("浙江省/金华市/兰溪市", lanxi.Region);
        Assert.Equal(["li@lanxi.example", "wang@lanxi.example"], lanxi.SupervisorEmails);

        var agency = new Agency { RowKey = "lanxi-wenlvj", Region = "浙江省/金华市/兰溪市" };
        Assert.True(AccessPolicy.SupervisesAgency(agency, result.Regions, new Caller("wang@lanxi.example", "test")));
        Assert.False(AccessPolicy.SupervisesAgency(agency, result.Regions, new Caller("zhao@yiwu.example", "test")));
        Assert.True(AccessPolicy.IsSupervisor(result.Regions[1], new Caller("ZHAO@yiwu.example", "test")));
        Assert.False(AccessPolicy.CanView(agency, new Caller("wang@lanxi.example", "test")));
    }

    [Fact]
    public void Every_error_is_reported_with_its_line_and_column_and_nothing_is_read()
    {
        var result = RegionCsv.Read(Csv(
            "lanxi,兰溪市,浙江省/金华市/兰溪市,兰溪市政务公开办,li@lanxi.example",
            "Lanxi!,,浙江省//兰溪市,,not-an-email",
            "lanxi,兰溪<b>市,浙江省/金华市/兰溪市,办,li@lanxi.example",
            "wucheng,婺城区,浙江省/金华市/婺城区,婺城区政务公开办,"));

        Assert.False(result.IsValid);
        Assert.Empty(result.Regions);
        var messages = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith("第 3 行第 1 列（id）：地区编号「Lanxi!」无效", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("第 3 行第 2 列（name）：地区名称不能为空", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("第 3 行第 3 列（region）：地区「浙江省//兰溪市」", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("第 3 行第 4 列（office）", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("第 3 行第 5 列（supervisors）：「not-an-email」不是有效的邮箱地址", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("第 4 行第 1 列（id）：地区编号「lanxi」与第 2 行重复", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("第 4 行第 2 列（name）：第 3 个字符为「<」", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("第 4 行第 3 列（region）：地区「浙江省/金华市/兰溪市」与第 2 行重复", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("第 5 行第 5 列（supervisors）：至少需要一个督导人员邮箱", StringComparison.Ordinal));
    }

    [Fact]
    public void A_header_without_a_column_and_a_file_not_in_utf8_are_refused_with_the_line()
    {
        var missing = RegionCsv.Read("id,name,region,supervisors\nlanxi,兰溪市,浙江省,li@lanxi.example\n");
        Assert.Equal("第 1 行：表头缺少列「office」（表头应为 id,name,region,office,supervisors）", Assert.Single(missing.Errors).ToString());

        var gbk = Encoding.UTF8.GetBytes(Header + "\n").Concat(new byte[] { 0xC0, 0xBC, 0xCF, 0xAA }).ToArray();
        Assert.StartsWith("第 2 行：文件不是 UTF-8 编码", Assert.Single(RegionCsv.Read(gbk).Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void What_is_written_reads_back_the_same()
    {
        var regions = RegionCsv.Read(File.ReadAllText(Corpus.Sample("regions.csv"))).Regions;
        using var writer = new StringWriter();
        RegionCsv.Write(regions, writer);

        var again = RegionCsv.Read(writer.ToString());
        Assert.Equal(
            regions.Select(r => (r.Id, r.Name, r.Region, r.Office, r.Supervisors)),
            again.Regions.Select(r => (r.Id, r.Name, r.Region, r.Office, r.Supervisors)));
    }
}
