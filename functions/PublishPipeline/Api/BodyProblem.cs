using Microsoft.AspNetCore.Http;

namespace PublishPipeline.Api;

/// <summary>Why a request's body cannot be used, as the problem (RFC 7807, Chinese) the caller gets: 400 or 413.</summary>
public sealed record BodyProblem(int Status, string Title, string Detail)
{
    public IResult ToResult() => Problems.Create(Status, Title, Detail);

    public static BodyProblem Invalid(string detail) => new(StatusCodes.Status400BadRequest, "请求格式错误", detail);

    /// <summary>A body over <paramref name="limitBytes"/>: 413, with the limit a person can act on.</summary>
    public static BodyProblem TooLarge(long limitBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "请求内容过大", $"请求内容超过 {Size(limitBytes)} 的上限，未处理。年度报告文件请删除图片等内容后重新提交。");

    /// <summary>
    /// A multipart/form-data body that cannot be read, saying what is wrong: no boundary in the content type (so no
    /// part can be found), or a body that is not parts separated by that boundary.
    /// </summary>
    public static BodyProblem MalformedForm(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.GetMultipartBoundary() is not { Length: > 0 } boundary)
        {
            return Invalid("Content-Type 为 multipart/form-data 但缺少 boundary 参数（应形如 multipart/form-data; boundary=----分隔串），无法分出各个字段。请用浏览器或 HTTP 库的表单上传功能提交。");
        }

        if (boundary.Length > FormBoundaryLimit)
        {
            return Invalid($"multipart/form-data 的 boundary 长度为 {boundary.Length} 个字符，超过 {FormBoundaryLimit} 个字符的上限。");
        }

        return Invalid("multipart/form-data 内容格式错误或不完整：找不到以 Content-Type 中 boundary 分隔的字段，或最后一个分隔行缺失。请重新提交。");
    }

    /// <summary>RFC 2046's limit on a multipart boundary, which ASP.NET Core's form reader enforces.</summary>
    public const int FormBoundaryLimit = 70;

    internal static string Size(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
        ? $"{bytes / 1024 / 1024} MB"
        : bytes >= 1024 * 1024 ? $"{bytes / 1024.0 / 1024.0:F1} MB" : $"{bytes / 1024.0:F0} KB";
}
