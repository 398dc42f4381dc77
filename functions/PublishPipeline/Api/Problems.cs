using Microsoft.AspNetCore.Http;

namespace PublishPipeline.Api;

/// <summary>RFC 7807 problem details with Chinese titles and details for the people who submit.</summary>
public static class Problems
{
    public static IResult BadRequest(string title, string detail) => Create(StatusCodes.Status400BadRequest, title, detail);

    public static IResult Unauthenticated() =>
        Create(StatusCodes.Status401Unauthorized, "需要登录", "请先登录后再操作。");

    public static IResult Forbidden(string detail) => Create(StatusCodes.Status403Forbidden, "无权访问", detail);

    public static IResult NotFound(string title, string detail) => Create(StatusCodes.Status404NotFound, title, detail);

    public static IResult Create(int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title, type: TypeFor(status));

    public static string TypeFor(int status) => $"https://httpstatuses.io/{status}";
}
