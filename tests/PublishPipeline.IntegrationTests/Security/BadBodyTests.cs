using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublishPipeline.Api;
using PublishPipeline.Pipeline;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Security;

/// <summary>
/// Bodies the server cannot use, sent as they were when they got a 500 with an empty body, or a 413 with an empty body
/// and a stack trace in the log: a multipart upload without a boundary, one that is garbage, and one over the
/// server's limit. Each now gets a problem in Chinese (400 or 413), and the log a warning line without a stack trace.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class BadBodyTests(DevHostFixture fixture)
{
    private static ByteArrayContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "/api/drafts", "multipart/form-data", "缺少 boundary" },
        { "/api/drafts", "multipart/form-data; boundary=----pubpipe", "格式错误或不完整" },
        { "/api/submissions/{id}/approve", "multipart/form-data", "缺少 boundary" },
        { "/api/submissions/{id}/approve", "multipart/form-data; boundary=----pubpipe", "格式错误或不完整" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_multipart_body_without_a_boundary_or_of_garbage_is_a_400_saying_what_is_wrong(string path, string contentType, string what)
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局", autoPublish: false);
        var user = path.Contains("approve", StringComparison.Ordinal) ? agency.ReviewerEmails[0] : agency.SubmitterEmails[0];
        var v1 = path.Contains("{id}", StringComparison.Ordinal)
            ? await fixture.SubmitDraftOkAsync(agency, 2021, "年报.docx", TestDrafts.Docx2021(agency.Name))
            : null;
        if (v1 is not null)
        {
            await fixture.WaitForStateAsync(v1.Id, SubmissionState.AwaitingReview);
        }

        using var log = CaptureLog();
        var garbage = Encoding.UTF8.GetBytes("file=年报.docx&agency=" + agency.Id + "\r\n\u0000\u0001 not a multipart body at all");

        using var response = await fixture.SendAsync(HttpMethod.Post, path.Replace("{id}", v1?.Id, StringComparison.Ordinal), user, Raw(garbage, contentType));

        var problem = await CrossSiteRequestTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(what, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        if (v1 is null)
        {
            Assert.Empty(await fixture.Submissions.ListForAgencyAsync(agency.Id));
        }
        else
        {
            Assert.Equal(SubmissionState.AwaitingReview, (await fixture.Submissions.GetAsync(v1.Id))!.CurrentState);
        }

        log.AssertNoStackTrace();
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_and_one_warning_line()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局");
        var limit = RequestLimits.BodyLimit(new PipelineOptions());
        using var log = CaptureLog();

        // An upload whose file alone is over the limit: with Content-Length, as curl and browsers send it.
        using var request = Upload(agency, new ByteArrayContent(new byte[limit + 1]));
        using var response = await fixture.Http.SendAsync(request);

        var problem = await CrossSiteRequestTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("请求内容过大", problem.GetProperty("title").GetString());
        Assert.Contains("21 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await fixture.Submissions.ListForAgencyAsync(agency.Id));
        log.AssertNoStackTrace();
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("413", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chunked_body_that_passes_the_limit_while_read_is_a_413_problem()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局");
        var limit = RequestLimits.BodyLimit(new PipelineOptions());
        using var log = CaptureLog();

        // No Content-Length: the server learns the size only by reading, and stops at the limit.
        using var request = Upload(agency, new StreamContent(new MemoryStream(new byte[limit + 1])));
        request.Headers.TransferEncodingChunked = true;
        using var response = await fixture.Http.SendAsync(request);

        var problem = await CrossSiteRequestTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("请求内容过大", problem.GetProperty("title").GetString());
        Assert.Empty(await fixture.Submissions.ListForAgencyAsync(agency.Id));
        log.AssertNoStackTrace();
    }

    /// <summary>A draft upload carrying <paramref name="file"/>, as the agency's submitter, expecting 100-continue as curl does.</summary>
    private HttpRequestMessage Upload(Agency agency, HttpContent file)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, fixture.ApiUrl + "/api/drafts") { Content = DevHostFixture.DraftForm(agency.Id, 2021, "年报.docx", file) };
        request.Headers.Add("X-Dev-User", agency.SubmitterEmails[0]);
        request.Headers.ExpectContinue = true;
        return request;
    }

    private LogCapture CaptureLog()
    {
        var capture = new LogCapture();
        fixture.Host.Services.GetRequiredService<ILoggerFactory>().AddProvider(capture);
        return capture;
    }

    /// <summary>
    /// What the dev host logs (at its Warning level) while a test runs, from the request handling and the web server;
    /// the factory keeps a provider once added, so disposing only stops the capture.
    /// </summary>
    private sealed class LogCapture : ILoggerProvider
    {
        private volatile bool stopped;

        public ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose() => stopped = true;

        public void AssertNoStackTrace()
        {
            var traced = Entries.Where(e => (e.Category.StartsWith("PublishPipeline.Hosting", StringComparison.Ordinal) || e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
                && (e.Exception is not null || e.Message.Contains("   at ", StringComparison.Ordinal))).ToList();
            Assert.True(traced.Count == 0, string.Join("\n", traced.Select(e => $"{e.Category}: {e.Message} {e.Exception}")));
        }

        private sealed class Logger(LogCapture owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => !owner.stopped;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!owner.stopped)
                {
                    owner.Entries.Enqueue((category, logLevel, formatter(state, exception), exception));
                }
            }
        }
    }
}
