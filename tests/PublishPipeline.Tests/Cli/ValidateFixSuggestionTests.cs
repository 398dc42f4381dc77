using System.Text.Json;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Cli;

/// <summary><c>pubpipe validate</c> prints the 修改建议 after the findings when the 勾稽关系 fail, and only then.</summary>
[Collection(nameof(ConsoleCollection))]
public class ValidateFixSuggestionTests
{
    [Fact]
    public async Task The_summary_names_the_carry_over_cell_that_makes_table_three_add_up()
    {
        var (code, output, _) = await ValidateCommandTests.Run("validate", Corpus.Sample("2021-qingshan-jiedao.txt"));

        Assert.Equal(1, code);
        var heading = output.IndexOf($"【{FixSuggestionText.Heading}】", StringComparison.Ordinal);
        Assert.True(heading > output.IndexOf("【表三】", StringComparison.Ordinal), output);
        Assert.Contains("若表三「四、结转下年度继续办理」行「总计」列为 1（现为 2），则表三的全部勾稽关系成立。", output[heading..], StringComparison.Ordinal);
        Assert.True(heading < output.LastIndexOf("错误 2 条", StringComparison.Ordinal), output);
    }

    [Fact]
    public async Task A_clean_report_has_no_suggestion_in_the_summary_or_the_json()
    {
        var (code, output, _) = await ValidateCommandTests.Run("validate", Corpus.Sample("2020-lanxi-wenlvj.txt"));
        Assert.Equal(0, code);
        Assert.DoesNotContain(FixSuggestionText.Heading, output, StringComparison.Ordinal);

        var (_, json, _) = await ValidateCommandTests.Run("validate", Corpus.Sample("2020-lanxi-wenlvj.txt"), "--json");
        using var document = JsonDocument.Parse(json);
        Assert.False(document.RootElement.TryGetProperty("fix_suggestions", out _));
    }

    [Fact]
    public async Task The_json_adds_an_optional_fix_suggestions_member_and_stays_a_contract_document()
    {
        var (code, json, _) = await ValidateCommandTests.Run("validate", Corpus.Sample("2021-qingshan-jiedao.txt"), "--json");

        Assert.Equal(1, code);
        using var document = JsonDocument.Parse(json);
        var suggestion = Assert.Single(document.RootElement.GetProperty("fix_suggestions").EnumerateArray());
        Assert.Equal("requests", suggestion.GetProperty("table").GetString());
        Assert.True(suggestion.GetProperty("unique").GetBoolean());
        Assert.Equal(1, suggestion.GetProperty("size").GetInt32());
        var change = Assert.Single(suggestion.GetProperty("changes").EnumerateArray());
        Assert.Equal(("carried_out", "total", 2, 1), (change.GetProperty("row").GetString(), change.GetProperty("column").GetString(), change.GetProperty("current").GetInt32(), change.GetProperty("suggested").GetInt32()));
        Assert.Empty(suggestion.GetProperty("candidates").EnumerateArray());
        Assert.Equal("若表三「四、结转下年度继续办理」行「总计」列为 1（现为 2），则表三的全部勾稽关系成立。", suggestion.GetProperty("text").GetString());

        // A version-1 consumer reads the rest unchanged: the contract's own members round-trip without the extra one.
        var contract = ReportJson.Deserialize(json);
        Assert.Equal(2, contract.Summary.Errors);
        Assert.Equal(ReportJson.Serialize(contract), ReportJson.Serialize(ReportJson.Deserialize(ReportJson.Serialize(contract))));
        Assert.StartsWith(ReportJson.Serialize(contract)[..^2], json, StringComparison.Ordinal);
    }
}
