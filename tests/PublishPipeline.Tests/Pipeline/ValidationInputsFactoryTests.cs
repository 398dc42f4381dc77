using System.Net;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using PublishPipeline.Agencies;
using PublishPipeline.Checking;
using PublishPipeline.Pipeline;
using PublishPipeline.Reports;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Pipeline;

/// <summary>
/// Ingest validates a draft with the year it was submitted for (A8), next to the agency's directory entry, the
/// submission time and last year's published report. The table service is answered in memory: nothing is published.
/// </summary>
public sealed class ValidationInputsFactoryTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2021, 1, 20, 2, 0, 0, TimeSpan.Zero);

    private static readonly Agency Lanxi = new()
    {
        RowKey = "lanxi-wenlvj",
        Name = "兰溪市文化和旅游局",
        Level = AgencyLevels.Department,
        Region = "浙江省/金华市/兰溪市",
    };

    [Fact]
    public async Task Inputs_carry_the_submitted_year_and_ask_for_the_year_befores_published_report()
    {
        var requests = new List<Uri>();
        var factory = new ValidationInputsFactory(StorageAnswering(requests, HttpStatusCode.NotFound));

        var inputs = await factory.CreateAsync(Lanxi, 2099, ReceivedAt);

        Assert.Equal(
            new ValidationInputs
            {
                SubmittedForYear = 2099,
                ExpectedAgencyName = "兰溪市文化和旅游局",
                AgencyLevel = AgencyLevels.Department,
                AgencyRegion = "浙江省/金华市/兰溪市",
                SubmittedAt = new DateOnly(2021, 1, 20),
            },
            inputs);
        var request = Assert.Single(requests);
        // Last year's live report is looked up in the site index: the agency's partition, the year before's row.
        Assert.Contains("PartitionKey='a~lanxi-wenlvj',RowKey='2098'", Uri.UnescapeDataString(request.AbsolutePath), StringComparison.Ordinal);
    }

    [Fact]
    public void A_2020_draft_submitted_for_2099_is_an_A8_error_with_the_factorys_inputs()
    {
        var bytes = File.ReadAllBytes(Corpus.Sample("2020-lanxi-wenlvj.txt"));

        var mismatched = new DraftChecker().Check("2020.txt", bytes, ValidationInputsFactory.Create(Lanxi, 2099, ReceivedAt, null));
        var matching = new DraftChecker().Check("2020.txt", bytes, ValidationInputsFactory.Create(Lanxi, 2020, ReceivedAt, null));

        Assert.Equal(DraftCheck.HasErrorsCode, mismatched.ExitCode);
        var a8 = Assert.Single(mismatched.Findings, f => f.Severity == Severity.Error);
        Assert.Equal(("A8", 2099m, 2020m), (a8.Rule, a8.Expected, a8.Actual));
        Assert.DoesNotContain(matching.Findings, f => f.Rule == "A8");
        Assert.Equal(0, matching.Document.Summary.Errors);
    }

    /// <summary>Storage whose table service answers every request with <paramref name="status"/>, recording the URIs asked for.</summary>
    private static PipelineStorage StorageAnswering(List<Uri> requests, HttpStatusCode status)
    {
        var endpoint = new Uri("http://127.0.0.1:9/devstoreaccount1");
        var transport = new HttpClientTransport(new HttpClient(new Answering(requests, status)));
        var tables = new TableServiceClient(
            endpoint,
            new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[64])),
            new TableClientOptions { Transport = transport, Retry = { MaxRetries = 0 } });
        return new PipelineStorage(new BlobServiceClient(endpoint), new QueueServiceClient(endpoint), tables);
    }

    private sealed class Answering(List<Uri> requests, HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            requests.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(status)
            {
                RequestMessage = request,
                Content = new StringContent("""{"odata.error":{"code":"ResourceNotFound","message":{"lang":"en-US","value":"The specified resource does not exist."}}}""", System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }
}
