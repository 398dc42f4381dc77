using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PublishPipeline.Cli.Dev;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Dev;

/// <summary>
/// The dev host is one host with one container: the API, the WebJobs triggers and the timers share its singletons,
/// and the API's refusals and failures are the shared problem details, as in the Functions app.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class OneContainerTests(DevHostFixture fixture)
{
    [Fact]
    public async Task TheApiTheTriggersAndTheTimersRunInOneContainer()
    {
        var hosted = fixture.Host.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();
        Assert.Contains("JobHostService", hosted);
        Assert.Contains(nameof(DevTimerService), hosted);
        Assert.Contains("GenericWebHostService", hosted);

        // Through that one container: uploaded through the API, ingested by the blob trigger, published by the queue
        // trigger, and the API reads the state the triggers wrote.
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局");
        var accepted = await fixture.SubmitDraftOkAsync(agency, 2021, "年报.docx", TestDrafts.Docx2021(agency.Name));
        await fixture.WaitForStateAsync(accepted.Id, SubmissionState.Published);
        var view = await fixture.GetSubmissionViewAsync(accepted.Id, agency.SubmitterEmails[0]);
        Assert.Equal(nameof(SubmissionState.Published), view.State);
        Assert.Same(fixture.Host.Services.GetRequiredService<PipelineStorage>(), fixture.Storage);
    }

    [Fact]
    public async Task ARefusalIsAChineseProblemWithATraceId()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局");
        using var response = await fixture.SendAsync(HttpMethod.Post, "/api/drafts", agency.SubmitterEmails[0], new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("请求格式错误", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task AFormCutShort_IsA400ProblemThatLeaksNoInternals()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局");
        var broken = new StringContent("--b\r\nContent-Disposition: form-data; name=\"agency\"\r\n\r\nnot closed", Encoding.UTF8);
        broken.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        using var response = await fixture.SendAsync(HttpMethod.Post, "/api/drafts", agency.SubmitterEmails[0], broken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("请求格式错误", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Stream", body, StringComparison.Ordinal);
    }
}
