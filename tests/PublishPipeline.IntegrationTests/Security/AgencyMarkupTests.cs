using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Cli.Agencies;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Security;

/// <summary>
/// The agency directory CSV that was imported with <c>&lt;script&gt;</c> in an agency's name, imported again: through
/// <c>pubpipe agencies import</c> against the dev host's Azurite and through the library's own import (what
/// <c>pubpipe dev --agencies</c> uses). It is refused with the line and column, and nothing of the file is written.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class AgencyMarkupTests(DevHostFixture fixture) : IDisposable
{
    private const string Header = "id,name,region,level,supervising_office,submitters,reviewers,auto_publish";
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("pubpipe-security-it-");
    private readonly string suffix = Guid.NewGuid().ToString("N")[..10];

    private AgencyDirectory Agencies => fixture.Host.Services.GetRequiredService<AgencyDirectory>();

    private string Good => $"it-good-{suffix},兰溪市《政务公开》编辑部（文物局）,浙江省/金华市/兰溪市,部门,兰溪市政务公开办,a@good-{suffix}.example,r@office-{suffix}.example,是";

    private string Hostile => $"it-evil-{suffix},<script>alert(1)</script>兰溪市文化和旅游局,浙江省/金华市/兰溪市,部门,兰溪市政务公开办,a@evil-{suffix}.example,r@office-{suffix}.example,是";

    private string Csv(params string[] rows)
    {
        var path = Path.Combine(directory.FullName, "agencies.csv");
        File.WriteAllText(path, string.Join("\r\n", [Header, .. rows]) + "\r\n");
        return path;
    }

    [Fact]
    public async Task The_import_command_refuses_script_in_a_name_with_line_and_column_and_writes_nothing()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await new RootCommand { AgenciesCommand.Create() }
            .Parse(["agencies", "import", Csv(Good, Hostile), "--connection", fixture.StorageConnectionString])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(AgenciesCommand.InvalidCode, code);
        Assert.Contains("第 3 行第 2 列（name）：第 1 个字符为「<」", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("未写入任何机构", error.ToString(), StringComparison.Ordinal);
        Assert.Null(await Agencies.GetAsync($"it-evil-{suffix}"));
        Assert.Null(await Agencies.GetAsync($"it-good-{suffix}"));
    }

    [Fact]
    public async Task The_library_import_and_a_single_write_refuse_it_too()
    {
        using var csv = new StringReader(File.ReadAllText(Csv(Good, Hostile)));
        var refused = await Assert.ThrowsAsync<AgencyCsvException>(() => Agencies.ImportCsvAsync(csv));
        var error = Assert.Single(refused.Errors);
        Assert.Equal((3, 2), (error.Line, error.ColumnNumber));

        var agency = AgencyDirectory.ParseCsv(new StringReader(File.ReadAllText(Csv(Good))))[0];
        agency.Name = "兰溪市文化和旅游局<img src=x onerror=alert(1)>";
        await Assert.ThrowsAsync<ArgumentException>(() => Agencies.UpsertAsync(agency));
        await Assert.ThrowsAsync<ArgumentException>(() => Agencies.ImportAsync([agency]));
        Assert.Null(await Agencies.GetAsync($"it-good-{suffix}"));
        Assert.Null(await Agencies.GetAsync($"it-evil-{suffix}"));
    }

    public void Dispose() => directory.Delete(recursive: true);
}
