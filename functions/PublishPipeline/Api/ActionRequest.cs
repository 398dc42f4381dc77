using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PublishPipeline.Calendar;

namespace PublishPipeline.Api;

/// <summary>
/// The body of a review action, from JSON (<c>{"comments": "...", "publishAt": "2027-01-20T09:00:00+08:00"}</c>) or
/// from the status page's HTML form (<c>publishAt</c> as datetime-local, read as Beijing time).
/// </summary>
public sealed record ActionRequest(string? Comments, DateTimeOffset? PublishAt, bool FromForm)
{
    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<(ActionRequest? Request, BodyProblem? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, BodyProblem.TooLarge(MaxBodyBytes));
        }

        string? comments = null;
        string? publishAt = null;
        var fromForm = request.HasFormContentType;
        if (fromForm)
        {
            var (form, malformed) = await RequestForms.ReadAsync(request, cancellationToken);
            if (form is null)
            {
                return (null, malformed);
            }

            comments = First(form["comments"], form["comment"], form["reason"]);
            publishAt = First(form["publishAt"]);
        }
        else if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return (null, BodyProblem.Invalid("请求内容应为 JSON 对象，如 {\"comments\": \"……\"}。"));
                }

                comments = String(document.RootElement, "comments") ?? String(document.RootElement, "comment") ?? String(document.RootElement, "reason");
                publishAt = String(document.RootElement, "publishAt");
            }
            catch (JsonException)
            {
                return (null, BodyProblem.Invalid("请求内容不是有效的 JSON。"));
            }
            catch (IOException e) when (!RequestForms.TooLarge(e) && !cancellationToken.IsCancellationRequested)
            {
                return (null, BodyProblem.Invalid("请求内容不完整（连接在发送完之前中断），请重新提交。"));
            }
        }

        DateTimeOffset? at = null;
        if (!string.IsNullOrWhiteSpace(publishAt))
        {
            if (DateTimeOffset.TryParse(publishAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(publishAt))
            {
                at = withOffset;
            }
            else if (DateTime.TryParse(publishAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                at = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime.Offset);
            }
            else
            {
                return (null, BodyProblem.Invalid($"发布时间「{publishAt}」无法识别，应为如 2027-01-20T09:00 的时间（北京时间）。"));
            }
        }

        return (new ActionRequest(comments, at, fromForm), null);
    }

    private static bool HasOffset(string text) => text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > 10;

    private static string? First(params Microsoft.Extensions.Primitives.StringValues[] values) =>
        values.Select(v => v.ToString()).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
