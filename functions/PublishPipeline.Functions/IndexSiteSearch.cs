using Microsoft.Azure.Functions.Worker;
using PublishPipeline.Pipeline;

namespace PublishPipeline.Functions;

/// <summary>
/// Every minute (app setting SearchSchedule), re-indexes search if the site changed and has been quiet long enough
/// (<see cref="SearchIndexJob"/>): one index per burst of publications, not one per publication.
/// </summary>
public sealed class IndexSiteSearch(SearchIndexJob job)
{
    [Function(nameof(IndexSiteSearch))]
    public Task RunAsync([TimerTrigger("%SearchSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        job.RunAsync(force: false, cancellationToken);
}
