using System.Net;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace PublishPipeline.Notices;

/// <summary>Sends one composed email through SendGrid's client. A non-2xx answer is an exception, so the queue retries.</summary>
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
        message.AddCustomArg("notice", idempotencyKey);
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
    : Exception($"SendGrid answered {(int)status}: {body}")
{
    public HttpStatusCode Status { get; } = status;
}
