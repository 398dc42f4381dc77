using System.Text.Json;
using PublishPipeline.Notices;
using PublishPipeline.Pipeline;

namespace PublishPipeline.Tests;

/// <summary>local.settings.sample.json names every setting the code reads, so an operator never has to read code to configure it.</summary>
public class LocalSettingsSampleTests
{
    private static Dictionary<string, string> Values()
    {
        var path = Path.Combine(Corpus.RepoRoot, "local.settings.sample.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
    }

    [Theory]
    [InlineData(typeof(PipelineOptions), PipelineOptions.Section)]
    [InlineData(typeof(NoticeOptions), NoticeOptions.Section)]
    public void Every_option_has_a_sample_value(Type options, string section)
    {
        var values = Values();
        foreach (var property in options.GetProperties())
        {
            var key = $"{section}__{property.Name}";
            Assert.True(values.ContainsKey(key), $"local.settings.sample.json lacks {key}");
            Assert.False(string.IsNullOrWhiteSpace(values[key]), $"{key} has no sample value");
        }
    }

    [Theory]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("ReconcileSchedule")]
    [InlineData("OutboxSchedule")]
    public void Host_settings_are_listed(string key) => Assert.True(Values().ContainsKey(key), $"local.settings.sample.json lacks {key}");
}
