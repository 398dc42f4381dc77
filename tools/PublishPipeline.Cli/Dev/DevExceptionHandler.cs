using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PublishPipeline.Cli.Dev;

/// <summary>
/// What the local host does when a WebJobs listener fails outside any function (the blob trigger's receipt lease
/// expired while storage was down, say). The SDK's default rethrows on a new thread, which ends the process; in Azure
/// the Functions host then restarts and carries on. A local host that disappears because Azurite blinked would lose
/// the person's session and the test run, so this one logs the error and keeps running: the queue listeners recover
/// by themselves, and the reconcile sweep ingests what a stopped blob listener no longer sees.
/// </summary>
internal sealed class DevExceptionHandlerFactory(ILoggerFactory loggers) : IWebJobsExceptionHandlerFactory
{
    public IWebJobsExceptionHandler Create(IHost jobHost) => new DevExceptionHandler(loggers.CreateLogger("PublishPipeline.Cli.Dev.WebJobs"));

    private sealed class DevExceptionHandler(ILogger logger) : IWebJobsExceptionHandler
    {
        public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod)
        {
            logger.LogError(exceptionInfo.SourceException, "A function timed out; the local host keeps running");
            return Task.CompletedTask;
        }

        public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo)
        {
            logger.LogError(
                exceptionInfo.SourceException,
                "A WebJobs listener failed outside any function ({Message}); in Azure the Functions host would restart. The local host keeps running: the reconcile sweep ingests drafts a stopped blob listener misses",
                exceptionInfo.SourceException.Message);
            return Task.CompletedTask;
        }
    }
}
