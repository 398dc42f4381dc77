using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Hosting;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions;

/// <summary>Sends one email through SendGrid.</summary>
public sealed class SendNotice(IServiceProvider services)
{
    [Function(PipelineFunctions.SendNotice)]
    public Task RunAsync(
        [QueueTrigger(StorageNames.NoticesQueue, Connection = StorageNames.ConnectionSetting)] string message,
        CancellationToken cancellationToken) =>
        PipelineFunctions.Queue(PipelineFunctions.SendNotice).InvokeAsync(services, message, cancellationToken);
}
