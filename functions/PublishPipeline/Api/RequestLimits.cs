using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PublishPipeline.Pipeline;

namespace PublishPipeline.Api;

/// <summary>
/// The largest request body either host reads: the largest draft (<see cref="PipelineOptions.MaxDraftBytes"/>) plus
/// room for the form around it. One value for both hosts, so the dev host's Kestrel and the Functions worker refuse
/// the same bodies with the same 413 problem. A file a little over the draft limit still fits, and gets the upload's
/// own 413 naming its size.
/// </summary>
public static class RequestLimits
{
    /// <summary>Room for the multipart framing and the other fields (agency, year) around the file.</summary>
    public const long FormOverheadBytes = 1024 * 1024;

    public static long BodyLimit(PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxDraftBytes + FormOverheadBytes;
    }

    /// <summary>The limit for this request, from the app's settings (the defaults when it has none).</summary>
    public static long BodyLimit(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return BodyLimit(context.RequestServices?.GetService<IOptions<PipelineOptions>>()?.Value ?? new PipelineOptions());
    }
}
