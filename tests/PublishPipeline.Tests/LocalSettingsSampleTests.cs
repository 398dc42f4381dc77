using PublishPipeline.Notices;
using PublishPipeline.Pipeline;
using PublishPipeline.Pipeline.Deadlines;
using PublishPipeline.Storage;
using PublishPipeline.Tests.Settings;

namespace PublishPipeline.Tests;

/// <summary>local.settings.sample.json names every setting the code reads, so an operator never has to read code to configure it.</summary>
public class LocalSettingsSampleTests
{
    [Fact]
    public void Every_setting_of_every_options_class_has_a_sample_value()
    {
        var values = OptionSettings.Sample();
        var missing = OptionSettings.Names().Concat(OptionSettings.StorageForms().Local)
            .Where(key => !values.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
            .ToList();
        Assert.True(missing.Count == 0, $"local.settings.sample.json lacks a value for {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_options_classes_are_all_found()
    {
        // Guards the reflection itself: a catalogue that found nothing would let every check above pass.
        Assert.Equal(
            [typeof(StorageOptions), typeof(DeadlineOptions), typeof(NoticeOptions), typeof(PipelineOptions)],
            OptionSettings.Classes().Select(c => c.Options));
        Assert.Contains("Deadlines__LocalDeadlines", OptionSettings.Names()); // DeadlineOptions.Calendar, by its key name
        Assert.Contains("Pipeline__SiteBaseUrl", OptionSettings.Names());
        Assert.Equal(["AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri", "AzureWebJobsStorage__clientId"],
            OptionSettings.StorageForms().Azure);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("ReconcileSchedule")]
    [InlineData("OutboxSchedule")]
    [InlineData("DeadlineSchedule")]
    [InlineData("SearchSchedule")]
    public void Host_settings_are_listed(string key) => Assert.True(OptionSettings.Sample().ContainsKey(key), $"local.settings.sample.json lacks {key}");
}
