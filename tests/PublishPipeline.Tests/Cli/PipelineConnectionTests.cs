using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PublishPipeline.Cli.Operations;
using PublishPipeline.Pipeline;

namespace PublishPipeline.Tests.Cli;

/// <summary>
/// The operator commands (retry, site rebuild, alerts) get the pipeline's settings as the app does: against the local
/// Azurite the dev host's links, against an Azure account nothing invented, so a missing public URL is named rather
/// than written into pages and emails as localhost.
/// </summary>
public class PipelineConnectionTests
{
    [Fact]
    public void Against_the_local_azurite_the_links_are_the_dev_hosts()
    {
        using var services = PipelineConnection.Build("UseDevelopmentStorage=true", null, TextWriter.Null)!;
        var options = services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        Assert.Equal("http://127.0.0.1:7080", options.SiteBaseUrl);
        Assert.Equal("http://127.0.0.1:7071", options.ApiBaseUrl);
    }

    [Fact]
    public void Against_an_azure_account_a_missing_site_url_is_named()
    {
        Assert.True(
            Environment.GetEnvironmentVariable("Pipeline__SiteBaseUrl") is null,
            "this test needs an environment without Pipeline__SiteBaseUrl");
        using var services = PipelineConnection.Build(null, "pubpipetestacct", TextWriter.Null)!;
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PipelineOptions>>().Value);
        Assert.Contains("Pipeline__SiteBaseUrl is not set", error.Message, StringComparison.Ordinal);
    }
}
