using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PublishPipeline.Cli.Dev;

/// <summary>
/// A SendGrid-compatible sink: accepts <c>POST /v3/mail/send</c> as SendGrid's API does (Bearer key, v3 JSON,
/// 202), keeps every email in memory and in <c>.dev/mail/</c>, and lists them at <c>GET /_dev/mail</c>.
/// The real SendGridClient is pointed here through SendGridClientOptions.Host.
/// </summary>
internal sealed class MailSink
{
    private readonly ConcurrentQueue<ReceivedMail> mails = new();
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
        }

        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    public IResult List() => Results.Json(Mails, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    private static object Errors(string message, string? field) => new { errors = new[] { new { message, field, help = (string?)null } } };
}

internal sealed record ReceivedMail(int Id, DateTimeOffset ReceivedAt, string From, IReadOnlyList<string> To, string Subject, string Text, string Html, string? Notice);
