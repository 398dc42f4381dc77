using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using PublishPipeline.Access;
using PublishPipeline.Pipeline;
using PublishPipeline.Submissions;

namespace PublishPipeline.Api;

/// <summary>
/// <c>GET /api/agencies/{id}/template?year=Y</c>: the agency's Word template for year Y, pre-filled from its published
/// report of Y−1, for whoever may see the agency's submissions. The year is a query parameter because every route of
/// the catalogue has one path parameter (<see cref="Hosting.HttpFunction"/>).
/// </summary>
public sealed class TemplatesApi(AgencyDirectory agencies, CallerResolver callers, NextYearTemplates templates)
{
    public const string Route = "agencies/{id}/template";

    public const string WordContentType = Site.SiteFile.Docx;

    public async Task<IResult> GetAsync(HttpRequest request, string agencyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = callers.Resolve(request);
        if (caller is null)
        {
            return Problems.Unauthenticated();
        }

        var agency = await agencies.GetAsync(agencyId, cancellationToken);
        if (agency is null)
        {
            return Problems.NotFound("机关未登记", $"机关编号「{agencyId}」不在机构名录中。");
        }

        if (!AccessPolicy.CanView(agency, caller))
        {
            return Problems.Forbidden($"{caller.Email} 不是「{agency.Name}」的报送人员或督导审核人员。");
        }

        var text = request.Query["year"].ToString();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || text.Length != 4)
        {
            return Problems.BadRequest("年度无效", text.Length == 0 ? "请在地址中写明年度，如 ?year=2025。" : $"year=「{text}」不是四位数的年度。");
        }

        if (templates.YearRefusal(year) is { } refusal)
        {
            return Problems.BadRequest("年度无效", refusal + "。");
        }

        var draft = await templates.CreateAsync(agency, year, cancellationToken);
        return new WordFileResult(draft.ToDocx(), NextYearTemplates.FileName(draft), $"{agency.Id}-{year}-template.docx");
    }

    /// <summary>
    /// The document as an attachment: the Chinese name in <c>filename*</c> (RFC 6266 with RFC 5987's UTF-8 encoding),
    /// an ASCII <c>filename</c> for clients that know only that.
    /// </summary>
    private sealed class WordFileResult(byte[] content, string fileName, string asciiFileName) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var disposition = new ContentDispositionHeaderValue("attachment") { FileName = asciiFileName, FileNameStar = fileName };
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = WordContentType;
            response.ContentLength = content.Length;
            response.Headers.ContentDisposition = disposition.ToString();
            response.Headers.CacheControl = "private, no-store";
            response.Headers.XContentTypeOptions = "nosniff";
            await response.Body.WriteAsync(content, httpContext.RequestAborted);
        }
    }
}
