using System.Text.Json;
using System.Text.Json.Serialization;

namespace PublishPipeline.Cli.Dev;

/// <summary>
/// The mail sink's fault mode: for a while, answer every send (or only the sends to some recipients) with an error
/// status instead of accepting it, as SendGrid does when it rate-limits (429 with Retry-After), fails (500), or
/// refuses a key or a message (401, 400). Phases run one after another from the moment they are set and always end:
/// a test that forgets to clear them cannot break the tests after it for long.
/// </summary>
internal sealed class MailFaults
{
    /// <summary>The longest phase the sink accepts: a fault is a bounded experiment, never a sink left broken.</summary>
    public static readonly TimeSpan MaxPhase = TimeSpan.FromMinutes(10);

    private readonly TimeProvider clock;
    private readonly object gate = new();
    private List<(DateTimeOffset From, DateTimeOffset Until, MailFault Fault)> phases = [];

    public MailFaults(TimeProvider? clock = null) => this.clock = clock ?? TimeProvider.System;

    /// <summary>Replaces whatever was scheduled by these phases, the first starting now; returns when the last ends.</summary>
    public DateTimeOffset Schedule(IReadOnlyList<MailFault> faults)
    {
        var start = clock.GetUtcNow();
        var scheduled = new List<(DateTimeOffset, DateTimeOffset, MailFault)>();
        foreach (var fault in faults)
        {
            var until = start + TimeSpan.FromSeconds(fault.Seconds);
            scheduled.Add((start, until, fault));
            start = until;
        }

        lock (gate)
        {
            phases = scheduled;
        }

        return start;
    }

    public void Clear()
    {
        lock (gate)
        {
            phases = [];
        }
    }

    /// <summary>The fault that applies now to a send to <paramref name="recipients"/>, or null: accept it.</summary>
    public MailFault? Current(IReadOnlyCollection<string> recipients)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            return phases
                .Where(p => p.From <= now && now < p.Until)
                .Select(p => p.Fault)
                .FirstOrDefault(f => f.To is null || recipients.Any(r => r.Contains(f.To, StringComparison.OrdinalIgnoreCase)));
        }
    }

    /// <summary>What is scheduled and when each phase ends, for <c>GET /_dev/mail/faults</c>.</summary>
    public IReadOnlyList<object> Describe()
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            return phases.Where(p => p.Until > now).Select(p => (object)new { p.Fault.Status, p.Fault.RetryAfter, p.Fault.To, from = p.From, until = p.Until }).ToList();
        }
    }

    /// <summary>Reads one phase (<c>{"status":429,"seconds":30,"retryAfter":2}</c>) or an array of them; null with why when invalid.</summary>
    public static (IReadOnlyList<MailFault>? Faults, string? Error) Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var faults = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.Deserialize<List<MailFault>>(Json) ?? []
                : [document.RootElement.Deserialize<MailFault>(Json)!];
            foreach (var fault in faults)
            {
                if (fault.Status is < 400 or > 599)
                {
                    return (null, "status must be an HTTP error status (400-599)");
                }

                if (fault.Seconds <= 0 || fault.Seconds > MaxPhase.TotalSeconds)
                {
                    return (null, $"seconds must be between 1 and {MaxPhase.TotalSeconds}");
                }

                if (fault.RetryAfter is < 0 or > 3600)
                {
                    return (null, "retryAfter must be between 0 and 3600 seconds");
                }
            }

            return faults.Count == 0 ? (null, "no fault given") : (faults, null);
        }
        catch (JsonException e)
        {
            return (null, "not a fault: " + e.Message);
        }
    }

    /// <summary><c>STATUS:SECONDS[:RETRYAFTER]</c>, as <c>pubpipe dev --mail-fault</c> takes it.</summary>
    public static MailFault? ParseOption(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3
            || !int.TryParse(parts[0], out var status) || status is < 400 or > 599
            || !double.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > MaxPhase.TotalSeconds)
        {
            return null;
        }

        int? retryAfter = null;
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2], out var after) || after is < 0 or > 3600)
            {
                return null;
            }

            retryAfter = after;
        }

        return new MailFault(status, seconds, retryAfter, null);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
}

/// <summary>
/// Answer <paramref name="Status"/> for <paramref name="Seconds"/>, with <c>Retry-After: <paramref name="RetryAfter"/></c>
/// when given, to every send, or only to sends with a recipient containing <paramref name="To"/>.
/// </summary>
internal sealed record MailFault(int Status, double Seconds, int? RetryAfter = null, string? To = null);
