using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PublishPipeline.Cli.Dev;

/// <summary>
/// A SendGrid-compatible sink: accepts <c>POST /v3/mail/send</c> as SendGrid's API does (Bearer key, v3 JSON,
/// 202), keeps every email in memory and in <c>.dev/mail/</c>, and lists them at <c>GET /_dev/mail</c>.
/// The real SendGridClient is pointed here through SendGridClientOptions.Host. It can be told to fail for a while
/// (<see cref="Faults"/>: 429 with Retry-After, 500, 400, 401…), counts every send it was asked for per email, and
/// posts signed delivery events back like SendGrid's Event Webhook (<see cref="Events"/>).
/// </summary>
internal sealed class MailSink : IDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> mails = new();
    private readonly ConcurrentDictionary<string, int> attempts = new(StringComparer.Ordinal);
    private int refused;
    private readonly string? directory;
    private int sequence;

    /// <summary>Keeps mail in <paramref name="directory"/> when given, and shows what an earlier run received there.</summary>
    public MailSink(string? directory)
    {
        this.directory = directory;
        if (directory is null || !Directory.Exists(directory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            if (JsonSerializer.Deserialize<ReceivedMail>(File.ReadAllText(file), JsonOptions) is { } mail)
            {
                mails.Enqueue(mail);
                sequence = Math.Max(sequence, mail.Id);
            }
        }
    }

    public IReadOnlyCollection<ReceivedMail> Mails => mails.ToArray();

    public MailFaults Faults { get; } = new();

    public MailEvents Events { get; } = new();

    /// <summary>How many sends of each email (by its notice key) reached the sink, accepted or refused.</summary>
    public IReadOnlyDictionary<string, int> Attempts => new Dictionary<string, int>(attempts, StringComparer.Ordinal);

    /// <summary>How many sends the fault mode refused.</summary>
    public int Refused => Volatile.Read(ref refused);

    public async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization.Length <= "Bearer ".Length)
        {
            return Results.Json(Errors("The provided authorization grant is invalid, expired, or revoked", null), statusCode: 401);
        }

        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body);
        }
        catch (JsonException e)
        {
            return Results.Json(Errors("Bad Request: " + e.Message, null), statusCode: 400);
        }

        var personalizations = body?["personalizations"] as JsonArray;
        var from = body?["from"]?["email"]?.GetValue<string>();
        if (personalizations is null || personalizations.Count == 0 || string.IsNullOrEmpty(from))
        {
            return Results.Json(Errors("The personalizations and from fields are required.", "personalizations"), statusCode: 400);
        }

        var notice = personalizations.Select(p => (p?["custom_args"] ?? body?["custom_args"])?["notice"]?.GetValue<string>()).FirstOrDefault(n => n is not null);
        if (notice is not null)
        {
            attempts.AddOrUpdate(notice, 1, (_, n) => n + 1);
        }

        var recipients = personalizations.SelectMany(p => p?["to"] as JsonArray ?? []).Select(t => t?["email"]?.GetValue<string>() ?? "").ToList();
        if (Faults.Current(recipients) is { } fault)
        {
            Interlocked.Increment(ref refused);
            return Refusal(fault);
        }

        var contents = body?["content"] as JsonArray ?? [];
        string? Content(string type) => contents.FirstOrDefault(c => c?["type"]?.GetValue<string>() == type)?["value"]?.GetValue<string>();
        foreach (var personalization in personalizations)
        {
            var to = (personalization?["to"] as JsonArray ?? []).Select(t => t?["email"]?.GetValue<string>() ?? "").Where(e => e.Length > 0).ToList();
            if (to.Count == 0)
            {
                return Results.Json(Errors("Each personalization needs at least one recipient.", "personalizations.to"), statusCode: 400);
            }

            var subject = personalization?["subject"]?.GetValue<string>() ?? body?["subject"]?.GetValue<string>() ?? "";
            var mail = new ReceivedMail(
                Interlocked.Increment(ref sequence),
                DateTimeOffset.UtcNow,
                from,
                to,
                subject,
                Content("text/plain") ?? "",
                Content("text/html") ?? "",
                (personalization?["custom_args"] ?? body?["custom_args"])?["notice"]?.GetValue<string>());
            mails.Enqueue(mail);
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
                await File.WriteAllTextAsync(Path.Combine(directory, $"{mail.Id:D4}.json"), JsonSerializer.Serialize(mail, JsonOptions));
            }

            Events.AfterAccepted(mail);
        }

        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    /// <summary>Every email received, with the delivery events posted back about it.</summary>
    public IResult List() => Results.Json(Mails.Select(m => new MailListing(m.Id, m.ReceivedAt, m.From, m.To, m.Subject, m.Text, m.Html, m.Notice, Events.For(m.Id))), JsonOptions);

    /// <summary><c>POST /_dev/mail/faults</c>: one phase or an array of them, replacing what was scheduled.</summary>
    public async Task<IResult> SetFaultsAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var (faults, error) = MailFaults.Parse(await reader.ReadToEndAsync());
        if (faults is null)
        {
            return Results.Json(Errors(error!, "faults"), statusCode: 400);
        }

        var until = Faults.Schedule(faults);
        return Results.Json(new { until, faults = Faults.Describe() }, JsonOptions);
    }

    public IResult DescribeFaults() => Results.Json(new { faults = Faults.Describe(), refused = Refused, attempts = Attempts }, JsonOptions);

    /// <summary>
    /// <c>POST /_dev/mail/events</c> <c>{"mail":3,"event":"bounce","email":"…","reason":"…"}</c>: posts one more
    /// signed event about a received email to the webhook, and answers what the webhook answered.
    /// </summary>
    public async Task<IResult> PostEventAsync(HttpRequest request)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body);
        }
        catch (JsonException e)
        {
            return Results.Json(Errors("Bad Request: " + e.Message, null), statusCode: 400);
        }

        var id = body?["mail"]?.GetValue<int>();
        var type = body?["event"]?.GetValue<string>();
        var mail = Mails.FirstOrDefault(m => m.Id == id);
        if (mail?.Notice is null || string.IsNullOrWhiteSpace(type))
        {
            return Results.Json(Errors("mail (a received email's id) and event are required", "mail"), statusCode: 400);
        }

        var email = body?["email"]?.GetValue<string>() ?? mail.To[0];
        var status = await Events.PostAsync(mail.Id, [MailEvents.Event(mail.Notice, email, type, body?["reason"]?.GetValue<string>())], request.HttpContext.RequestAborted);
        return Results.Json(new { webhookStatus = status }, JsonOptions);
    }

    public void Dispose() => Events.Dispose();

    /// <summary>What SendGrid answers when it refuses a send: its error JSON, and Retry-After with a 429.</summary>
    private static IResult Refusal(MailFault fault)
    {
        var message = fault.Status switch
        {
            401 => "The provided authorization grant is invalid, expired, or revoked",
            403 => "access forbidden",
            429 => "too many requests",
            >= 500 => "internal server error",
            _ => "Bad Request",
        };
        var json = Results.Json(Errors(message, null), statusCode: fault.Status);
        return fault.RetryAfter is { } after ? new WithRetryAfter(json, after) : json;
    }

    private sealed class WithRetryAfter(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    private static object Errors(string message, string? field) => new { errors = new[] { new { message, field, help = (string?)null } } };
}

/// <summary>A received email as <c>GET /_dev/mail</c> lists it, with the events posted back about it.</summary>
internal sealed record MailListing(int Id, DateTimeOffset ReceivedAt, string From, IReadOnlyList<string> To, string Subject, string Text, string Html, string? Notice, IReadOnlyList<PostedEvent> Events);

internal sealed record ReceivedMail(int Id, DateTimeOffset ReceivedAt, string From, IReadOnlyList<string> To, string Subject, string Text, string Html, string? Notice);
