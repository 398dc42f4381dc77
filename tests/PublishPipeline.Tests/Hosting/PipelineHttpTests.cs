using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublishPipeline.Api;
using PublishPipeline.Hosting;

namespace PublishPipeline.Tests.Hosting;

/// <summary>The HTTP behaviour both hosts share: a failing request becomes a Chinese problem that leaks nothing.</summary>
public sealed class PipelineHttpTests
{
    private static DefaultHttpContext Context()
    {
        var services = new ServiceCollection().AddLogging().AddPipelineHttp().BuildServiceProvider();
        return new DefaultHttpContext { RequestServices = services, TraceIdentifier = "trace-1", Response = { Body = new MemoryStream() } };
    }

    private static JsonElement Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return JsonDocument.Parse(context.Response.Body).RootElement.Clone();
    }

    [Fact]
    public async Task An_exception_becomes_a_500_problem_in_Chinese_without_its_message()
    {
        var context = Context();

        await PipelineHttp.InvokeAsync(context, () => throw new InvalidOperationException("table 'submissions' key=secret"));

        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", context.Response.ContentType, StringComparison.Ordinal);
        var problem = Body(context);
        Assert.Equal("服务器内部错误", problem.GetProperty("title").GetString());
        Assert.Equal("trace-1", problem.GetProperty("traceId").GetString());
        Assert.DoesNotContain("secret", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_the_server_cannot_parse_is_the_callers_400_logged_as_one_line()
    {
        var (context, log) = LoggedContext();

        await PipelineHttp.InvokeAsync(context, () => throw new InvalidDataException("Missing content-type boundary."));

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        Assert.Equal("请求无效", Body(context).GetProperty("title").GetString());
        var entry = Assert.Single(log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.All(log.Entries, e => Assert.Null(e.Exception));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Null(entry.Exception);
        Assert.Contains("Missing content-type boundary.", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_while_read_is_a_413_problem_without_a_stack_trace()
    {
        var (context, log) = LoggedContext();

        await PipelineHttp.InvokeAsync(context, () => throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        var problem = Body(context);
        Assert.Equal("请求内容过大", problem.GetProperty("title").GetString());
        Assert.Contains("21 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.All(log.Entries, e => Assert.Null(e.Exception));
    }

    [Fact]
    public async Task A_body_declared_over_the_limit_is_refused_before_anything_reads_it()
    {
        var (context, log) = LoggedContext();
        context.Request.ContentLength = RequestLimits.BodyLimit(new PublishPipeline.Pipeline.PipelineOptions()) + 1;
        var reached = false;

        await PipelineHttp.InvokeAsync(context, () =>
        {
            reached = true;
            return Task.CompletedTask;
        });

        Assert.False(reached);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", context.Response.ContentType, StringComparison.Ordinal);
        Assert.Equal("请求内容过大", Body(context).GetProperty("title").GetString());
        var entry = Assert.Single(log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.All(log.Entries, e => Assert.Null(e.Exception));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Null(entry.Exception);
    }

    [Fact]
    public async Task The_body_limit_follows_the_largest_draft()
    {
        var services = new ServiceCollection().AddLogging().AddPipelineHttp()
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(new PublishPipeline.Pipeline.PipelineOptions { MaxDraftBytes = 1000 }))
            .BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } };
        var bodySize = new BodySizeFeature();
        context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>(bodySize);

        await PipelineHttp.InvokeAsync(context, () => Task.CompletedTask);

        Assert.Equal(1000 + RequestLimits.FormOverheadBytes, bodySize.MaxRequestBodySize);
    }

    [Fact]
    public async Task The_apis_own_problems_carry_the_trace_id_too()
    {
        var context = Context();

        await PipelineHttp.InvokeAsync(context, () => PublishPipeline.Api.Problems.Forbidden("不是该机关的报送人员。").ExecuteAsync(context));

        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
        var problem = Body(context);
        Assert.Equal("无权访问", problem.GetProperty("title").GetString());
        Assert.Equal("trace-1", problem.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task A_response_already_under_way_is_not_rewritten()
    {
        var context = Context();
        var started = new StartedResponseFeature();
        context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpResponseFeature>(started);

        await Assert.ThrowsAsync<InvalidOperationException>(() => PipelineHttp.InvokeAsync(context, () => throw new InvalidOperationException("late")));
    }

    private static (DefaultHttpContext Context, CapturingLoggerProvider Log) LoggedContext()
    {
        var log = new CapturingLoggerProvider();
        var services = new ServiceCollection().AddLogging(b => b.AddProvider(log)).AddPipelineHttp().BuildServiceProvider();
        return (new DefaultHttpContext { RequestServices = services, TraceIdentifier = "trace-1", Response = { Body = new MemoryStream() } }, log);
    }

    private sealed class BodySizeFeature : Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;

        public long? MaxRequestBodySize { get; set; } = 30_000_000;
    }

    private sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);

    private sealed class CapturingLoggerProvider : ILoggerProvider, ILogger
    {
        public List<LogEntry> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add(new LogEntry(logLevel, formatter(state, exception), exception));

        public void Dispose()
        {
        }
    }

    private sealed class StartedResponseFeature : Microsoft.AspNetCore.Http.Features.HttpResponseFeature
    {
        public override bool HasStarted => true;
    }

    [Fact]
    public async Task Storage_that_cannot_be_reached_is_a_503_with_retry_after_not_a_500()
    {
        var context = Context();
        var refused = new Azure.RequestFailedException(0, "Connection refused (127.0.0.1:10002)", new HttpRequestException("Connection refused"));

        // What the storage SDK throws after its own retries: every try failed to connect.
        await PipelineHttp.InvokeAsync(context, () => throw new AggregateException("Retry failed after 4 tries.", refused, refused));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("10", context.Response.Headers.RetryAfter.ToString());
        var problem = Body(context);
        Assert.Equal("服务暂时不可用", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("127.0.0.1", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(503, true)]
    [InlineData(500, true)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(412, false)]
    public void Only_storage_that_did_not_answer_or_failed_itself_counts_as_unavailable(int status, bool unavailable)
    {
        Assert.Equal(unavailable, PipelineHttp.StorageUnavailable(new Azure.RequestFailedException(status, "x")));

        // A bug of ours among the failures is a bug, not an outage.
        Assert.False(PipelineHttp.StorageUnavailable(new AggregateException(new Azure.RequestFailedException(status, "x"), new InvalidOperationException())));
    }
}
