using Microsoft.AspNetCore.Http;

namespace PublishPipeline.Api;

/// <summary>RFC 7807 problem details with Chinese titles and details for the people who submit.</summary>
public static class Problems
{
    public static IResult BadRequest(string title, string detail) => Create(StatusCodes.Status400BadRequest, title, detail);

    public static IResult Create(int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title, type: $"https://httpstatuses.io/{status}");
}
