using System.CommandLine;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Cli.Agencies;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Agencies;

/// <summary>
/// <c>pubpipe agencies import</c> and <c>list</c> against the real Azurite the dev host uses (the fixture's own), with
/// the pipeline's own <see cref="AgencyDirectory"/> reading back what the CLI wrote. Every test uses its own
/// agency ids, so it sees only its own rows in the shared table.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class AgenciesImportTests(DevHostFixture fixture) : IDisposable
{
    private const string Header = "id,name,region,level,supervising_office,submitters,reviewers,auto_publish";
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("pubpipe-agencies-it-");
    private readonly string suffix = Guid.NewGuid().ToString("N")[..10];

    private AgencyDirectory Agencies => fixture.Host.Services.GetRequiredService<AgencyDirectory>();

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new RootCommand { AgenciesCommand.Create() }.Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private string Csv(params string[] rows)
    {
        var path = Path.Combine(directory.FullName, Guid.NewGuid().ToString("N")[..8] + ".csv");
        File.WriteAllText(path, string.Join("\r\n", [Header, .. rows]) + "\r\n");
        return path;
    }

    private string Bureau(bool autoPublish = true) =>
        $"it-bureau-{suffix},\"测试市文化和旅游局（文物局）, 测试\",测试省/测试市,部门,测试市政务公开办,\"Zhang@Bureau-{suffix}.example; zhang@bureau-{suffix}.example\",reviewer@office-{suffix}.example,{(autoPublish ? "是" : "否")}";

    private string Street() =>
        $"it-street-{suffix},测试街道办事处,测试省/测试市/测试区/测试街道,乡镇街道,测试区政府办,street@street-{suffix}.example,reviewer@district-{suffix}.example,0";

    [Fact]
    public async Task Import_adds_then_finds_nothing_to_change_then_updates_what_changed()
    {
        var first = await Run("agencies", "import", Csv(Bureau(), Street()), "--connection", fixture.StorageConnectionString);

        Assert.True(first.Code == 0, first.Error);
        Assert.Contains("校验通过，共 2 个机构", first.Output, StringComparison.Ordinal);
        Assert.Contains("新增 2 个，更新 0 个，未变 0 个", first.Output, StringComparison.Ordinal);
        var bureau = await Agencies.GetAsync($"it-bureau-{suffix}");
        Assert.NotNull(bureau);
        Assert.Equal("测试市文化和旅游局（文物局）, 测试", bureau.Name);
        Assert.Equal([$"zhang@bureau-{suffix}.example"], bureau.SubmitterEmails);
        Assert.True(bureau.AutoPublish);
        var street = await Agencies.GetAsync($"it-street-{suffix}");
        Assert.Equal("测试省/测试市/测试区/测试街道", street!.Region);
        Assert.False(street.AutoPublish);

        var again = await Run("agencies", "import", Csv(Bureau(), Street()), "--connection", fixture.StorageConnectionString);
        Assert.Contains("新增 0 个，更新 0 个，未变 2 个", again.Output, StringComparison.Ordinal);

        var changed = await Run("agencies", "import", Csv(Bureau(autoPublish: false), Street()), "--connection", fixture.StorageConnectionString);
        Assert.Contains("新增 0 个，更新 1 个，未变 1 个", changed.Output, StringComparison.Ordinal);
        Assert.False((await Agencies.GetAsync($"it-bureau-{suffix}"))!.AutoPublish);

        var list = await Run("agencies", "list", "--json", "--connection", fixture.StorageConnectionString);
        Assert.Equal(0, list.Code);
        using var json = JsonDocument.Parse(list.Output);
        var mine = json.RootElement.EnumerateArray().Where(a => a.GetProperty("id").GetString()!.EndsWith(suffix, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"it-bureau-{suffix}", $"it-street-{suffix}"], mine.Select(a => a.GetProperty("id").GetString()));
        Assert.Equal("测试市政务公开办", mine[0].GetProperty("supervisingOffice").GetString());
    }

    [Fact]
    public async Task A_file_with_one_bad_row_writes_none_of_its_good_rows()
    {
        var badStreet = Street().Replace("乡镇街道", "街道", StringComparison.Ordinal);

        var run = await Run("agencies", "import", Csv(Bureau(), badStreet), "--connection", fixture.StorageConnectionString);

        Assert.Equal(AgenciesCommand.InvalidCode, run.Code);
        Assert.Contains("第 3 行第 4 列（level）", run.Error, StringComparison.Ordinal);
        Assert.Null(await Agencies.GetAsync($"it-bureau-{suffix}"));
    }

    [Fact]
    public async Task A_missing_table_is_created_and_a_large_directory_goes_in_several_transactions()
    {
        var table = new TableServiceClient(fixture.StorageConnectionString).GetTableClient("agenciesit" + suffix);
        try
        {
            var agencies = Enumerable.Range(0, 250).Select(i => new Agency
            {
                RowKey = $"agency-{i:D3}",
                Name = $"测试机构{i}",
                Region = "测试省/测试市",
                Level = "部门",
                SupervisingOffice = "测试市政务公开办",
                Submitters = $"s{i}@agency.example",
                Reviewers = "r@office.example",
            }).ToList();
            var directory = AgencyDirectory.ForTable(table);

            await directory.EnsureTableAsync();
            var added = await directory.ImportAsync(agencies);
            agencies[7].Name = "改名的机构";
            agencies[201].AutoPublish = true;
            var updated = await directory.ImportAsync(agencies);

            Assert.Equal(new AgencyImportResult(250, 0, 0), added);
            Assert.Equal(new AgencyImportResult(0, 2, 248), updated);
            var stored = await directory.ListAsync();
            Assert.Equal(agencies.Select(a => a.Id), stored.Select(a => a.Id));
            Assert.Equal("改名的机构", stored[7].Name);
            Assert.True(stored[201].AutoPublish);
        }
        finally
        {
            await table.DeleteAsync();
        }
    }

    [Fact]
    public async Task Unreachable_storage_exits_1_with_a_message_for_the_operator()
    {
        // Azurite's published development key, at a port nothing listens on.
        const string nowhere = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
                               + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
                               + "TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";

        var run = await Run("agencies", "import", Csv(Bureau()), "--connection", nowhere);

        Assert.Equal(AgenciesCommand.StorageFailedCode, run.Code);
        Assert.Contains("无法连接存储", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Eby8vdM02", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => directory.Delete(recursive: true);
}
