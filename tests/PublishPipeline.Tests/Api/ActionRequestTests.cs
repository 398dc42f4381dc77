using System.Text;
using Microsoft.AspNetCore.Http;
using PublishPipeline.Api;

namespace PublishPipeline.Tests.Api;

public class ActionRequestTests
{
    private static async Task<(ActionRequest? Request, string? Error)> ReadAsync(string body, string contentType)
    {
        var context = new DefaultHttpContext();
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        context.Request.ContentType = contentType;
        var (request, error) = await ActionRequest.ReadAsync(context.Request, CancellationToken.None);
        Assert.True(error is null || error.Status == StatusCodes.Status400BadRequest, $"status {error?.Status}");
        return (request, error?.Detail);
    }

    [Fact]
    public async Task Json_with_an_offset_keeps_it()
    {
        var (request, error) = await ReadAsync("""{"comments":"请核对表三","publishAt":"2027-01-20T09:00:00+08:00"}""", "application/json");
        Assert.Null(error);
        Assert.Equal("请核对表三", request!.Comments);
        Assert.Equal(new DateTimeOffset(2027, 1, 20, 1, 0, 0, TimeSpan.Zero), request.PublishAt);
        Assert.False(request.FromForm);
    }

    [Fact]
    public async Task A_form_time_without_offset_is_Beijing_time()
    {
        var (request, _) = await ReadAsync("publishAt=2027-01-20T09%3A00&comments=", "application/x-www-form-urlencoded");
        Assert.Equal(new DateTimeOffset(2027, 1, 20, 1, 0, 0, TimeSpan.Zero), request!.PublishAt);
        Assert.Null(request.Comments);
        Assert.True(request.FromForm);
    }

    [Fact]
    public async Task The_withdraw_form_s_reason_is_read_as_the_comments()
    {
        var (request, _) = await ReadAsync("reason=%E8%AF%AF%E4%BC%A0", "application/x-www-form-urlencoded");
        Assert.Equal("误传", request!.Comments);
    }

    [Theory]
    [InlineData("{not json", "application/json", "不是有效的 JSON")]
    [InlineData("[1,2]", "application/json", "JSON 对象")]
    [InlineData("""{"publishAt":"下周一"}""", "application/json", "无法识别")]
    public async Task Bad_bodies_are_refused_in_Chinese(string body, string contentType, string fragment)
    {
        var (request, error) = await ReadAsync(body, contentType);
        Assert.Null(request);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_body_is_no_comments_and_no_schedule()
    {
        var (request, error) = await ReadAsync("", "application/json");
        Assert.Null(error);
        Assert.Equal((null, null), (request!.Comments, request.PublishAt));
    }

    [Theory]
    [InlineData("multipart/form-data", "缺少 boundary")]
    [InlineData("multipart/form-data; boundary=XYZ", "格式错误或不完整")]
    public async Task A_form_that_cannot_be_read_is_a_400_saying_what_is_wrong(string contentType, string fragment)
    {
        var (request, error) = await ReadAsync("garbage, not a form", contentType);
        Assert.Null(request);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_actions_limit_is_a_413()
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(new byte[ActionRequest.MaxBodyBytes + 1]);
        context.Request.ContentLength = ActionRequest.MaxBodyBytes + 1;
        context.Request.ContentType = "application/json";

        var (request, error) = await ActionRequest.ReadAsync(context.Request, CancellationToken.None);

        Assert.Null(request);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, error!.Status);
        Assert.Contains("64 KB", error.Detail, StringComparison.Ordinal);
    }
}
