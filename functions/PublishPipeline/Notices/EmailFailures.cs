using System.Net;

namespace PublishPipeline.Notices;

/// <summary>Which answers from SendGrid are worth another try.</summary>
public static class EmailFailures
{
    /// <summary>
    /// 408 (timeout), 429 (rate limit) and 5xx are transient: the resilience handler retries them, then the queue.
    /// Every other 4xx (400 a malformed or refused message, 401/403 a wrong or revoked key, 413 too large) fails the
    /// same way however often it is sent: retrying it only multiplies the failure, so it is recorded and alerted.
    /// </summary>
    public static bool IsPermanent(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
}
