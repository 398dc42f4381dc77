using PublishPipeline.Pipeline.Deadlines;
using PublishPipeline.Submissions;

namespace PublishPipeline.Tests.Pipeline.Deadlines;

public class ReportProgressTests
{
    [Fact]
    public void No_versions_means_nothing_uploaded()
    {
        Assert.Equal(new ReportProgress(null, null, false), ReportProgress.FromVersions([]));
    }

    [Fact]
    public void The_latest_is_the_newest_version_that_still_counts_in_whatever_order_storage_returns_them()
    {
        var progress = ReportProgress.FromVersions([(3, SubmissionState.Failed), (1, SubmissionState.Rejected), (2, SubmissionState.NeedsChanges), (4, SubmissionState.Withdrawn)]);

        Assert.Equal(new ReportProgress(2, SubmissionState.NeedsChanges, false), progress);
    }

    [Fact]
    public void When_no_version_counts_the_latest_is_the_newest_of_all()
    {
        var progress = ReportProgress.FromVersions([(2, SubmissionState.Rejected), (1, SubmissionState.Failed)]);

        Assert.Equal(new ReportProgress(2, SubmissionState.Rejected, false), progress);
    }

    [Fact]
    public void A_published_report_with_a_correction_awaiting_review_is_in_review_or_done()
    {
        var progress = ReportProgress.FromVersions([(1, SubmissionState.Superseded), (2, SubmissionState.Published), (3, SubmissionState.AwaitingReview)]);

        Assert.Equal(new ReportProgress(3, SubmissionState.AwaitingReview, true), progress);
    }
}
