using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Cli.Regions;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Supervision;

/// <summary>
/// <c>pubpipe regions import</c> and <c>list</c> against the dev host's own Azurite, read back by the pipeline's
/// <see cref="RegionDirectory"/>. Each test uses its own region ids.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class RegionsImportTests(DevHostFixture fixture) : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("pubpipe-regions-it-");
    private readonly string suffix = Guid.NewGuid().ToString("N")[..10];

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new RootCommand { RegionsCommand.Create() }.Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private string Csv(params string[] rows)
    {
        var path = Path.Combine(directory.FullName, Guid.NewGuid().ToString("N")[..8] + ".csv");
        File.WriteAllText(path, string.Join("\r\n", ["id,name,region,office,supervisors", .. rows]) + "\r\n");
        return path;
    }

    [Fact]
    public async Task Import_writes_the_regions_and_list_shows_them_and_a_bad_file_writes_nothing()
    {
        var row = $"it-r-{suffix},测试市,测试省/测试市{suffix},测试市政务公开办,\"Boss@Office-{suffix}.example; deputy@office-{suffix}.example\"";

        var first = await Run("regions", "import", Csv(row), "--connection", fixture.StorageConnectionString);

        Assert.True(first.Code == 0, first.Error);
        Assert.Contains("新增 1 个，更新 0 个，未变 0 个", first.Output, StringComparison.Ordinal);
        var region = await fixture.Host.Services.GetRequiredService<RegionDirectory>().GetAsync($"it-r-{suffix}");
        Assert.NotNull(region);
        Assert.Equal([$"boss@office-{suffix}.example", $"deputy@office-{suffix}.example"], region.SupervisorEmails);

        var again = await Run("regions", "import", Csv(row), "--connection", fixture.StorageConnectionString);
        Assert.Contains("新增 0 个，更新 0 个，未变 1 个", again.Output, StringComparison.Ordinal);

        var list = await Run("regions", "list", "--json", "--connection", fixture.StorageConnectionString);
        Assert.Equal(0, list.Code);
        var listed = JsonDocument.Parse(list.Output).RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == $"it-r-{suffix}");
        Assert.Equal($"测试省/测试市{suffix}", listed.GetProperty("region").GetString());

        var bad = await Run("regions", "import", Csv($"it-bad-{suffix},坏地区,测试省/坏{suffix},办,not-an-email"), "--connection", fixture.StorageConnectionString);
        Assert.Equal(2, bad.Code);
        Assert.Contains("第 2 行第 5 列（supervisors）", bad.Error, StringComparison.Ordinal);
        Assert.Null(await fixture.Host.Services.GetRequiredService<RegionDirectory>().GetAsync($"it-bad-{suffix}"));
    }

    public void Dispose() => directory.Delete(recursive: true);
}
