using System.Text.RegularExpressions;
using PublishPipeline.Pipeline;
using PublishPipeline.Pipeline.Outbox;
using PublishPipeline.Submissions;

namespace PublishPipeline.Tests.Submissions;

/// <summary>The lifecycle table: one row per (state, trigger), every message a row sends has a consumer, and nothing sends a lifecycle message around the outbox.</summary>
public partial class LifecycleTests
{
    [Fact]
    public void Each_state_and_trigger_has_at_most_one_row()
    {
        var duplicates = Lifecycle.Steps.GroupBy(s => (s.From, s.Trigger)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_state_is_reached_from_an_upload_and_every_state_but_the_final_ones_has_a_way_on()
    {
        var reached = new HashSet<SubmissionState> { SubmissionState.Received };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var step in Lifecycle.Steps.Where(s => reached.Contains(s.From)))
            {
                grew |= reached.Add(step.To);
            }
        }

        Assert.Equal(Enum.GetValues<SubmissionState>().ToHashSet(), reached);
        var final = Enum.GetValues<SubmissionState>().Where(state => Lifecycle.Steps.All(s => s.From != state)).ToHashSet();
        Assert.Equal([SubmissionState.Rejected, SubmissionState.Superseded, SubmissionState.Withdrawn], final.Order());
    }

    [Fact]
    public void Every_message_a_row_sends_goes_to_the_notify_stage_or_the_publish_stage()
    {
        foreach (var message in Lifecycle.Steps.SelectMany(s => s.Messages).Distinct())
        {
            var notice = OutboxDispatcher.NoticeKindOf(message);
            if (message is LifecycleMessage.Publish or LifecycleMessage.Unpublish)
            {
                Assert.Null(notice);
            }
            else
            {
                Assert.NotNull(notice);
                var row = new OutboxMessage { SubmissionId = "a_2021_v1", Message = message.ToString(), Sequence = 7 };
                Assert.Equal((notice, 7), (OutboxDispatcher.NoticeFor(row).Kind, OutboxDispatcher.NoticeFor(row).Sequence));
            }
        }

        // A publication goes to the publish stage exactly where a version becomes Approved.
        Assert.All(Lifecycle.Steps, s => Assert.Equal(s.To == SubmissionState.Approved, s.Messages.Contains(LifecycleMessage.Publish)));
        Assert.All(Lifecycle.Steps, s => Assert.Equal(s is { From: SubmissionState.Published, To: SubmissionState.Withdrawn }, s.Messages.Contains(LifecycleMessage.Unpublish)));
    }

    [Fact]
    public void The_review_actions_and_the_status_page_forms_are_the_lifecycle_rows()
    {
        foreach (var state in Enum.GetValues<SubmissionState>())
        {
            Assert.Equal(Lifecycle.StatesAllowing(LifecycleTrigger.Approve).Contains(state), ReviewWorkflow.CanApproveIn(state));
            Assert.Equal(Lifecycle.StatesAllowing(LifecycleTrigger.Return).Contains(state), ReviewWorkflow.CanReturnIn(state));
            Assert.Equal(Lifecycle.StatesAllowing(LifecycleTrigger.Reschedule).Contains(state), ReviewWorkflow.CanPublishIn(state));
            Assert.Equal(Lifecycle.StatesAllowing(LifecycleTrigger.Withdraw).Contains(state), ReviewWorkflow.CanWithdrawIn(state));
        }

        Assert.True(ReviewWorkflow.CanWithdrawIn(SubmissionState.Published));
        Assert.False(ReviewWorkflow.CanApproveIn(SubmissionState.Approved));
    }

    /// <summary>
    /// The messages a state change causes are written with it and sent by the outbox dispatcher only. The other
    /// senders send what no state change causes: the dispatcher itself, a scheduled publication put back until its
    /// time, an email put back until the delivery holding its lease is done, the deadline job's reminders and digests,
    /// and operator alerts (recorded in their own table first).
    /// </summary>
    [Fact]
    public void Only_the_outbox_dispatcher_sends_the_messages_of_a_state_change()
    {
        var allowed = new Dictionary<string, string>
        {
            ["Pipeline/Outbox/OutboxDispatcher.cs"] = "sends the outbox",
            ["Pipeline/PublishHandler.cs"] = "puts a scheduled publication back until its time",
            ["Pipeline/NoticeHandler.cs"] = "puts an email back (the same message) until the delivery holding its lease is done",
            ["Pipeline/PublicationSweeper.cs"] = "asks again for a publication a dead host left unfinished (no state change)",
            ["Pipeline/Deadlines/DeadlineHandler.cs"] = "reminders and digests",
            ["Pipeline/Alerts/AlertRecorder.cs"] = "operator alerts",
            ["Pipeline/RollupJob.cs"] = "wakes the debounced roll-up rebuild after site work (no state change: the index row it marks first is the truth)",
        };
        var library = Path.Combine(RepoRoot(), "functions", "PublishPipeline");
        var senders = Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => SendCall().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(library, f).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();

        Assert.NotEmpty(senders);
        Assert.All(senders, f => Assert.True(allowed.ContainsKey(f), $"{f} puts a message on a queue itself; a message a state change causes belongs in the lifecycle row"));
        var publishHandler = File.ReadAllText(Path.Combine(library, "Pipeline", "PublishHandler.cs"));
        Assert.DoesNotContain("SendNoticeAsync", publishHandler, StringComparison.Ordinal);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PublishPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (PublishPipeline.sln) not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\.\s*Send(Notice|Publish|Site)Async\s*\(")]
    private static partial Regex SendCall();
}
