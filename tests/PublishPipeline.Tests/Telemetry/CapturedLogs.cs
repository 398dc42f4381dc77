using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PublishPipeline.Tests.Telemetry;

/// <summary>
/// An in-memory logger provider that records each entry with the scope values in force when it was written, read
/// through the factory's <see cref="IExternalScopeProvider"/> the way Application Insights' provider reads them.
/// </summary>
internal sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    /// <summary>The only entry whose message is <paramref name="message"/>.</summary>
    public Entry Single(string message) => Assert.Single(Entries, e => e.Message == message);

    internal sealed record Entry(string Category, string Message, IReadOnlyDictionary<string, object?> Scope);

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, object?>();
            owner.scopes.ForEachScope(
                (value, values) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object>> pairs)
                    {
                        foreach (var (key, item) in pairs)
                        {
                            values[key] = item;
                        }
                    }
                },
                scope);
            owner.Entries.Enqueue(new Entry(category, formatter(state, exception), scope));
        }
    }
}
