using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task A_request_the_server_cannot_parse_is_the_callers_400()
    {
        var context = Context();

        await PipelineHttp.InvokeAsync(context, () => throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        Assert.Equal("请求无效", Body(context).GetProperty("title").GetString());
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
