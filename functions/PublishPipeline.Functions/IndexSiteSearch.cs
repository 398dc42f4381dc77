using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Hosting;

namespace PublishPipeline.Functions;

/// <summary>
/// Every minute (app setting SearchSchedule), re-indexes search if the site changed and has been quiet long enough
/// (<see cref="Pipeline.SearchIndexJob"/>): one index per burst of publications, not one per publication.
/// </summary>
public sealed class IndexSiteSearch(IServiceProvider services)
{
    [Function(PipelineFunctions.IndexSiteSearch)]
    public Task RunAsync([TimerTrigger(PipelineFunctions.SearchSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        PipelineFunctions.Timer(PipelineFunctions.IndexSiteSearch).InvokeAsync(services, cancellationToken);
}
