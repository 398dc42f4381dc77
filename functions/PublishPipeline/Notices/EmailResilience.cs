using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;

namespace PublishPipeline.Notices;

/// <summary>
/// How hard one delivery tries before it gives the email back to the queue: the standard resilience handler of
/// Microsoft.Extensions.Http.Resilience on SendGrid's HttpClient, retrying 408, 429 and 5xx (and connection failures)
/// with exponential back-off, or after the <c>Retry-After</c> SendGrid sends with a 429. The queue's own redelivery
/// (host.json: every 30 s, 5 deliveries) is the outer layer, so one delivery is bounded well inside the notify
/// handler's send lease and the function timeout, and a SendGrid outage of a few minutes still ends in one email.
/// </summary>
public static class EmailResilience
{
    /// <summary>All of one delivery's tries; shorter than the notify handler's send lease (2 minutes), so no other delivery starts meanwhile.</summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(90);

    /// <summary>One request; SendGrid answers in well under a second when it answers at all.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(15);

    public const int MaxRetryAttempts = 6;

    /// <summary>The first back-off; doubled (with jitter) each try up to <see cref="MaxDelay"/>, unless SendGrid says when.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(15);

    public static void Configure(HttpStandardResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TotalRequestTimeout.Timeout = TotalTimeout;
        options.AttemptTimeout.Timeout = AttemptTimeout;
        options.Retry.MaxRetryAttempts = MaxRetryAttempts;
        options.Retry.BackoffType = DelayBackoffType.Exponential;
        options.Retry.UseJitter = true;
        options.Retry.Delay = FirstDelay;
        options.Retry.MaxDelay = MaxDelay;
        options.Retry.ShouldRetryAfterHeader = true;

        // While many emails fail at once the circuit opens for a few seconds; waiting that out is one more retry, not
        // an instant failure that would burn the message's queue deliveries while SendGrid is down.
        options.Retry.ShouldHandle = args => ValueTask.FromResult(
            HttpClientResiliencePredicates.IsTransient(args.Outcome) || args.Outcome.Exception is BrokenCircuitException);

        // The breaker samples at least two attempt timeouts (the options validator requires it).
        options.CircuitBreaker.SamplingDuration = AttemptTimeout * 2;
    }
}
