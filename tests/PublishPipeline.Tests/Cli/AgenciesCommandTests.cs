using System.CommandLine;
using System.Text.Json;
using PublishPipeline.Cli.Agencies;
using PublishPipeline.Submissions;

namespace PublishPipeline.Tests.Cli;

/// <summary>
/// <c>pubpipe agencies</c> run in-process through its parser, with no storage: <c>--dry-run</c> checks a file and writes
/// nothing, the connection options resolve without echoing secrets, and the listing shows untrusted text as text.
/// (The import into a real table is in the integration tests, on Azurite.)
/// </summary>
public sealed class AgenciesCommandTests : IDisposable
{
    private const string Header = "id,name,region,level,supervising_office,submitters,reviewers,auto_publish";
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("pubpipe-agencies-");

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { AgenciesCommand.Create() };
        var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Dry_run_checks_the_sample_directory_and_reaches_no_storage()
    {
        // An endpoint that cannot resolve: a dry run that tried to reach it would fail, not print success.
        var (code, output, error) = await Run("agencies", "import", Corpus.Sample("agencies.csv"), "--dry-run", "--table-endpoint", "https://nowhere.invalid");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("agencies.csv：校验通过，共 2 个机构。", output, StringComparison.Ordinal);
        Assert.Contains("--dry-run：未写入。", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_of_a_bad_file_lists_each_error_by_line_and_column_and_exits_2()
    {
        var file = Write("bad.csv", Header + "\n"
            + "lanxi-wenlvj,兰溪市文化和旅游局,浙江省/金华市/兰溪市,部门,政务公开办,a@x.example,r@y.example,true\n"
            + "qingshan,青山街道,江屿市/青山街道,街道,政务公开办,a@x.example,,否\n");

        var (code, output, error) = await Run("agencies", "import", file, "--dry-run");

        Assert.Equal(AgenciesCommand.InvalidCode, code);
        Assert.Equal("", output);
        var lines = error.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("机构名录 bad.csv 有 2 处错误，未写入任何机构：", lines[0]);
        Assert.StartsWith("  第 3 行第 4 列（level）：「街道」不是已知的机关层级", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("  第 3 行第 7 列（reviewers）：", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        var (code, _, error) = await Run("agencies", "import", Path.Combine(directory.FullName, "none.csv"), "--dry-run");

        Assert.Equal(AgenciesCommand.InvalidCode, code);
        Assert.Contains("无法读取文件", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_with_both_connection_options_is_refused_before_reading_anything()
    {
        var (code, output, error) = await Run("agencies", "import", Corpus.Sample("agencies.csv"), "--connection", "UseDevelopmentStorage=true", "--table-endpoint", "https://acct.table.core.windows.net");

        Assert.Equal(AgenciesCommand.InvalidCode, code);
        Assert.Equal("", output);
        Assert.Contains("只能指定一个", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://acct.table.core.windows.net")]
    [InlineData("https://acct.table.core.windows.net/agencies")]
    [InlineData("acct")]
    public void A_table_endpoint_must_be_an_https_service_address(string endpoint)
    {
        using var error = new StringWriter();

        Assert.Null(AgencyTable.Resolve(null, endpoint, _ => null, error));
        Assert.Contains("应为 https 表服务地址", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_endpoint_reaches_the_agencies_table_there()
    {
        var table = AgencyTable.Resolve(null, "https://acct.table.core.windows.net/", _ => null, TextWriter.Null)!;

        Assert.Equal("acct", table.Client.AccountName);
        Assert.Equal("agencies", table.Client.Name);
        Assert.Contains("https://acct.table.core.windows.net", table.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_options_the_environment_connection_is_used_and_its_key_never_shown()
    {
        const string key = "c2VjcmV0LWtleS1ub3QtdG8tYmUtc2hvd24=";
        var connection = $"DefaultEndpointsProtocol=https;AccountName=envacct;AccountKey={key};EndpointSuffix=core.windows.net";

        var table = AgencyTable.Resolve(null, null, name => name == "AzureWebJobsStorage" ? connection : null, TextWriter.Null)!;

        Assert.Equal("envacct", table.Client.AccountName);
        Assert.Contains("envacct.table.core.windows.net", table.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(key, table.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_options_or_environment_it_is_the_local_azurite()
    {
        var table = AgencyTable.Resolve(null, null, _ => null, TextWriter.Null)!;

        Assert.Equal("devstoreaccount1", table.Client.AccountName);
        Assert.Contains("127.0.0.1:10002", table.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_connection_string_is_refused_without_repeating_it()
    {
        using var error = new StringWriter();

        Assert.Null(AgencyTable.Resolve("this-is-not-one;s3cr3t", null, _ => null, error));
        Assert.Contains("存储连接字符串无效", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_listing_shows_names_as_text_even_when_they_look_like_markup()
    {
        var agencies = new[]
        {
            new Agency
            {
                RowKey = "tricky", Name = "[red]测试[/]局 [/] [link=https://evil.example]点我[/]", Region = "浙江省/金华市", Level = "部门",
                SupervisingOffice = "政务公开办", Submitters = "a@x.example;b@x.example", Reviewers = "r@y.example", AutoPublish = true,
            },
        };
        using var output = new StringWriter();

        AgenciesListCommand.Write(agencies, json: false, output);

        var text = output.ToString();
        Assert.Contains("[red]测试[/]局 [/] [link=https://evil.example]点我[/]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", text, StringComparison.Ordinal); // no escape sequences, no hyperlink
        Assert.Contains("a@x.example", text, StringComparison.Ordinal);
        Assert.Contains("b@x.example", text, StringComparison.Ordinal);
        Assert.Contains("共 1 个机构。", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_listing_has_email_lists_and_readable_chinese()
    {
        var agencies = AgencyDirectory.ParseCsv(new StringReader(File.ReadAllText(Corpus.Sample("agencies.csv"))));
        using var output = new StringWriter();

        AgenciesListCommand.Write(agencies, json: true, output);

        Assert.Contains("兰溪市文化和旅游局", output.ToString(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output.ToString());
        var first = json.RootElement[0];
        Assert.Equal("lanxi-wenlvj", first.GetProperty("id").GetString());
        Assert.Equal("浙江省/金华市/兰溪市", first.GetProperty("region").GetString());
        Assert.Equal(agencies[0].SupervisingOffice, first.GetProperty("supervisingOffice").GetString());
        Assert.Equal(agencies[0].SubmitterEmails, first.GetProperty("submitters").EnumerateArray().Select(e => e.GetString()));
        Assert.True(first.GetProperty("autoPublish").GetBoolean());
        Assert.False(json.RootElement[1].GetProperty("autoPublish").GetBoolean());
    }

    public void Dispose() => directory.Delete(recursive: true);
}
