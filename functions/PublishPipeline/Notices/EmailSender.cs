using System.Net;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace PublishPipeline.Notices;

/// <summary>
/// Sends one composed email through SendGrid's client, over the HttpClient whose resilience handler
/// (<see cref="EmailResilience"/>) retries 429 and 5xx. An answer that is still not 2xx after those retries is an
/// <see cref="EmailNotAcceptedException"/> that says whether a later try could succeed.
/// </summary>
public sealed class EmailSender(HttpClient httpClient, IOptions<NoticeOptions> options)
{
    private readonly SendGridClient client = CreateClient(httpClient, options.Value);

    public async Task<HttpStatusCode> SendAsync(IReadOnlyList<string> to, EmailContent content, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(to.Count);
        var message = new SendGridMessage
        {
            From = new EmailAddress(options.Value.FromEmail, options.Value.FromName),
            Subject = content.Subject,
            PlainTextContent = content.Text,
            HtmlContent = content.Html,
        };
        message.AddTos(to.Select(address => new EmailAddress(address)).ToList());

        // SendGrid echoes custom args in every Event Webhook event: this is how an event finds its NoticeRecord.
        message.AddCustomArg(NoticeKey.CustomArg, idempotencyKey);
        var response = await client.SendEmailAsync(message, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Body.ReadAsStringAsync(cancellationToken);
            throw new EmailNotAcceptedException(response.StatusCode, body);
        }

        return response.StatusCode;
    }

    private static SendGridClient CreateClient(HttpClient httpClient, NoticeOptions options)
    {
        var clientOptions = new SendGridClientOptions { ApiKey = options.SendGridApiKey };
        if (!string.IsNullOrWhiteSpace(options.SendGridHost))
        {
            clientOptions.Host = options.SendGridHost;
        }

        return new SendGridClient(httpClient, clientOptions);
    }
}

public sealed class EmailNotAcceptedException(HttpStatusCode status, string body)
    : Exception($"SendGrid answered {(int)status}: {(body.Length > 2000 ? body[..2000] : body)}")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>True when sending the same request again cannot succeed (see <see cref="EmailFailures.IsPermanent"/>).</summary>
    public bool Permanent => EmailFailures.IsPermanent(Status);
}
