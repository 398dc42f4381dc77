using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using PublishPipeline.Notices;

namespace PublishPipeline.Tests.Notices;

public sealed class EmailFailuresTests
{
    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(413)]
    [InlineData(422)]
    public void A_refusal_no_retry_can_change_is_permanent(int status)
    {
        Assert.True(EmailFailures.IsPermanent((HttpStatusCode)status));
        Assert.True(new EmailNotAcceptedException((HttpStatusCode)status, "{}").Permanent);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void Timeouts_rate_limits_and_server_errors_are_transient(int status)
    {
        Assert.False(EmailFailures.IsPermanent((HttpStatusCode)status));
        Assert.False(new EmailNotAcceptedException((HttpStatusCode)status, "{}").Permanent);
    }

    [Fact]
    public void The_refusal_quotes_sendgrids_answer_but_not_without_bound()
    {
        var refused = new EmailNotAcceptedException(HttpStatusCode.BadRequest, new string('x', 10_000));
        Assert.StartsWith("SendGrid answered 400: xxx", refused.Message, StringComparison.Ordinal);
        Assert.True(refused.Message.Length < 2100);
    }

    [Fact]
    public void The_resilience_settings_pass_the_standard_handlers_validation_and_fit_inside_the_send_lease()
    {
        // The named options of the EmailSender client's pipeline are validated when resolved: an invalid combination
        // (an attempt timeout over the total, a breaker sampling less than two attempts) throws here, not in production.
        var services = new ServiceCollection();
        services.AddHttpClient<EmailSender>().AddStandardResilienceHandler(EmailResilience.Configure);
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<HttpStandardResilienceOptions>>();
        var options = monitor.Get(typeof(EmailSender).Name + "-standard");

        Assert.Equal(EmailResilience.TotalTimeout, options.TotalRequestTimeout.Timeout);
        Assert.Equal(EmailResilience.MaxRetryAttempts, options.Retry.MaxRetryAttempts);
        Assert.True(options.Retry.ShouldRetryAfterHeader);
        Assert.True(EmailResilience.TotalTimeout < TimeSpan.FromMinutes(2), "one delivery must end inside the notify handler's 2-minute send lease");
    }
}
