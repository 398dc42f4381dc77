using System.Text;
using System.Text.Json;
using PublishPipeline.Agencies;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Cli;

/// <summary>
/// <c>pubpipe validate</c>'s options for what the report does not carry (--year, --agency, --level, --region,
/// --submitted, --published): each fills its <see cref="ValidationInputs"/> field, so the rule that needed it checks instead of
/// saying 未检查; a bad value exits 2 with the reason in Chinese.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ValidateInputsTests : IDisposable
{
    private readonly List<string> files = [];

    public void Dispose()
    {
        foreach (var file in files)
        {
            File.Delete(file);
        }
    }

    private string Write(DraftFixture draft)
    {
        var path = Path.Combine(Path.GetTempPath(), "draft-" + Guid.NewGuid() + ".txt");
        File.WriteAllText(path, draft.Text(), Encoding.UTF8);
        files.Add(path);
        return path;
    }

    private static async Task<List<JsonElement>> Findings(params string[] args)
    {
        var (_, output, error) = await ValidateCommandTests.Run(["validate", .. args, "--json"]);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.Clone()).ToList();
    }

    private static IEnumerable<JsonElement> Of(List<JsonElement> findings, string rule) =>
        findings.Where(f => f.GetProperty("rule").GetString() == rule);

    private static bool IsNotChecked(JsonElement finding) =>
        finding.GetProperty("message").GetString()!.StartsWith(NotChecked.Prefix, StringComparison.Ordinal);

    [Fact]
    public async Task Level_makes_E2_check_and_the_A7_note_disappear()
    {
        var path = Write(new DraftFixture { Title = "2021年青山街道办事处政府信息公开工作年度报告", RulesCells = "1 | 0 | 1" });

        var without = await Findings(path);
        Assert.Contains(Of(without, "A7"), IsNotChecked);
        Assert.True(IsNotChecked(Assert.Single(Of(without, "E2"))));

        var with = await Findings(path, "--level", AgencyLevels.Township);
        Assert.Empty(Of(with, "A7"));
        var e2 = Of(with, "E2").ToList();
        Assert.Equal(["issued", "in_force"], e2.Select(f => f.GetProperty("location").GetProperty("column").GetString()));
        Assert.All(e2, f => Assert.Equal("warning", f.GetProperty("severity").GetString()));
    }

    [Fact]
    public async Task Unknown_level_exits_2_listing_the_levels()
    {
        var (code, output, error) = await ValidateCommandTests.Run("validate", Write(new DraftFixture()), "--level", "区级");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("“区级”不是已知的机关层级", error, StringComparison.Ordinal);
        Assert.All(AgencyLevels.All, level => Assert.Contains(level, error, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--submitted", "2022/01/20")]
    [InlineData("--published", "2022-02-30")]
    public async Task Bad_date_exits_2(string option, string value)
    {
        var (code, output, error) = await ValidateCommandTests.Run("validate", Write(new DraftFixture()), option, value);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains($"{option} “{value}”不是有效日期，应写成 yyyy-MM-dd", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Year_is_compared_with_the_reports_own_year()
    {
        var path = Write(new DraftFixture());

        Assert.True(IsNotChecked(Assert.Single(Of(await Findings(path), "A8"))));
        Assert.Empty(Of(await Findings(path, "--year", "2021"), "A8"));

        var (code, output, error) = await ValidateCommandTests.Run("validate", path, "--year", "2099", "--json");
        Assert.Equal(1, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var a8 = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "A8");
        Assert.Equal("error", a8.GetProperty("severity").GetString());
        Assert.Equal("title", a8.GetProperty("location").GetProperty("section").GetString());
        Assert.Equal(2099, a8.GetProperty("expected").GetDecimal());
        Assert.Equal(2021, a8.GetProperty("actual").GetDecimal());
        Assert.Contains("写的是2021年，但本次提交的是2099年度的报告", a8.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("二〇二一")]
    [InlineData("21")]
    [InlineData("1999")]
    [InlineData("2021年")]
    public async Task Bad_year_exits_2(string value)
    {
        var (code, output, error) = await ValidateCommandTests.Run("validate", Write(new DraftFixture()), "--year", value);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains($"--year “{value}”不是有效年度，应为 2000–2100 之间的四位年份", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agency_is_compared_with_the_report()
    {
        var path = Write(new DraftFixture());

        Assert.True(IsNotChecked(Assert.Single(Of(await Findings(path), "A2"))));
        Assert.Empty(Of(await Findings(path, "--agency", DraftFixture.Agency), "A2"));
        var other = Assert.Single(Of(await Findings(path, "--agency", "白石县农业农村局"), "A2"));
        Assert.Equal("error", other.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Published_date_is_used_when_the_report_prints_none()
    {
        var path = Write(new DraftFixture());

        Assert.True(IsNotChecked(Assert.Single(Of(await Findings(path), "A4"))));
        var a4 = Assert.Single(Of(await Findings(path, "--published", "2021-12-20"), "A4"));
        Assert.Equal("published_at", a4.GetProperty("location").GetProperty("section").GetString());
        Assert.Empty(Of(await Findings(path, "--published", "2022-01-20"), "A4"));
    }

    [Fact]
    public async Task Submitted_date_and_level_check_the_deadline()
    {
        var path = Write(new DraftFixture());

        var h1 = Assert.Single(Of(await Findings(path, "--level", AgencyLevels.Department, "--submitted", "2022-02-03"), "H1"));

        Assert.Equal("warning", h1.GetProperty("severity").GetString());
        Assert.Contains("逾期 3 天", h1.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Region_depth_tells_a_county_department()
    {
        var path = Write(new DraftFixture { NormativeCells = "2 | 0 | 80" });

        Assert.Empty(Of(await Findings(path, "--level", AgencyLevels.Department), "E4"));
        var e4 = Assert.Single(Of(await Findings(path, "--level", AgencyLevels.Department, "--region", "浙江省/金华市/青山县"), "E4"));
        Assert.Equal("in_force", e4.GetProperty("location").GetProperty("column").GetString());
    }

    [Fact]
    public void Inputs_fill_every_field()
    {
        using var error = new StringWriter();

        var inputs = PublishPipeline.Cli.ValidateCommand.Inputs(" 2021 ", " 青山县农业农村局 ", "县级", "浙江省/金华市/青山县", "2022-01-10", "2022-01-18", error);

        Assert.Equal(
            new ValidationInputs
            {
                SubmittedForYear = 2021,
                ExpectedAgencyName = "青山县农业农村局",
                AgencyLevel = AgencyLevels.County,
                AgencyRegion = "浙江省/金华市/青山县",
                SubmittedAt = new DateOnly(2022, 1, 10),
                PublishedAt = new DateOnly(2022, 1, 18),
            },
            inputs);
        Assert.Equal("", error.ToString());
    }
}
