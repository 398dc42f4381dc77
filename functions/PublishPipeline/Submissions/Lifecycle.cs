namespace PublishPipeline.Submissions;

/// <summary>What moves a version from one state to the next.</summary>
public enum LifecycleTrigger
{
    /// <summary>The upload could not be read as a report (or came for an unregistered agency, a bad year, too big).</summary>
    Unreadable,

    /// <summary>Uploaded into storage by nobody the directory knows: kept, never read, never mailed about.</summary>
    UnknownUploader,

    /// <summary>Read and checked: errors found.</summary>
    FoundErrors,

    /// <summary>Read and checked: no errors, to the reviewers.</summary>
    Passed,

    /// <summary>Read and checked: no errors, and the agency publishes without review.</summary>
    PassedAutoPublish,

    /// <summary>A newer upload was checked while this one was being read.</summary>
    OvertakenWhileChecked,

    /// <summary>A reviewer approves, for now or for a set time.</summary>
    Approve,

    /// <summary>A reviewer returns it with comments.</summary>
    Return,

    /// <summary>A reviewer changes when an approved version goes live (or says: now).</summary>
    Reschedule,

    /// <summary>The agency or a reviewer withdraws it (a live version is taken off the site).</summary>
    Withdraw,

    /// <summary>The publish stage has rendered it into the public site.</summary>
    Publish,

    /// <summary>A newer checked version takes over a version still pending.</summary>
    SupersededByNewer,

    /// <summary>A corrected version went live in its place.</summary>
    ReplacedByCorrection,

    /// <summary>Its ingest failed on every retry.</summary>
    IngestFailed,

    /// <summary>Its publication failed on every retry.</summary>
    PublishFailed,

    /// <summary>An operator, once the cause is fixed, has it read and checked again.</summary>
    RetryIngest,

    /// <summary>An operator, once the cause is fixed, has it published again.</summary>
    RetryPublish,
}

/// <summary>
/// A message a transition causes. It is written with the state change in one transaction (the report's outbox) and
/// sent once that transaction has committed, so whoever receives it finds the state it announces.
/// </summary>
public enum LifecycleMessage
{
    /// <summary>Email: the validation result, the upload could not be read.</summary>
    ValidationRejected,

    /// <summary>Email: the validation result, errors to correct.</summary>
    ValidationNeedsChanges,

    /// <summary>Email: the validation result, accepted.</summary>
    ValidationAccepted,

    /// <summary>Email to the reviewers: a version awaits review.</summary>
    ReviewRequest,

    /// <summary>Email: approved (with the time it goes live).</summary>
    Approved,

    /// <summary>Email: returned with the reviewer's comments.</summary>
    Returned,

    /// <summary>Email to submitters and reviewers: withdrawn.</summary>
    Withdrawn,

    /// <summary>Email: published, with the page's address.</summary>
    Published,

    /// <summary>To the publish stage: render it when its time has come (<see cref="Submission.PublishAt"/>).</summary>
    Publish,

    /// <summary>To the publish stage: take its page off the site.</summary>
    Unpublish,
}

/// <summary>One row of the lifecycle: in state <see cref="From"/>, <see cref="Trigger"/> moves a version to <see cref="To"/> and sends <see cref="Messages"/>.</summary>
public sealed record LifecycleStep(SubmissionState From, LifecycleTrigger Trigger, SubmissionState To, IReadOnlyList<LifecycleMessage> Messages);

/// <summary>
/// The life of a version, as one table: every handler moves a version only along a row of it, the review API and the
/// status page's forms ask it what a state allows, and the messages of a row are written in the same transaction as
/// the change (see <see cref="SubmissionStore.TransitionAsync"/>). A version enters the table Received (the upload,
/// <see cref="SubmissionStore.AddVersionAsync"/>).
/// </summary>
public static class Lifecycle
{
    private static readonly SubmissionState[] Pending = [SubmissionState.NeedsChanges, SubmissionState.AwaitingReview, SubmissionState.Approved];

    /// <summary>Every allowed transition. A (from, trigger) pair appears at most once.</summary>
    public static IReadOnlyList<LifecycleStep> Steps { get; } = Build();

    private static readonly Dictionary<(SubmissionState, LifecycleTrigger), LifecycleStep> ByFromAndTrigger =
        Steps.ToDictionary(s => (s.From, s.Trigger));

    /// <summary>The step <paramref name="trigger"/> takes from <paramref name="from"/>, or null when it does not apply there.</summary>
    public static LifecycleStep? Find(SubmissionState from, LifecycleTrigger trigger) =>
        ByFromAndTrigger.GetValueOrDefault((from, trigger));

    /// <summary>Whether <paramref name="trigger"/> applies to a version in <paramref name="state"/> (the status page shows a form only then).</summary>
    public static bool Allows(LifecycleTrigger trigger, SubmissionState state) => Find(state, trigger) is not null;

    /// <summary>The states <paramref name="trigger"/> applies in.</summary>
    public static IReadOnlyList<SubmissionState> StatesAllowing(LifecycleTrigger trigger) =>
        Steps.Where(s => s.Trigger == trigger).Select(s => s.From).ToList();

    private static List<LifecycleStep> Build()
    {
        var steps = new List<LifecycleStep>
        {
            new(SubmissionState.Received, LifecycleTrigger.Unreadable, SubmissionState.Rejected, [LifecycleMessage.ValidationRejected]),
            new(SubmissionState.Received, LifecycleTrigger.UnknownUploader, SubmissionState.Rejected, []),
            new(SubmissionState.Received, LifecycleTrigger.FoundErrors, SubmissionState.NeedsChanges, [LifecycleMessage.ValidationNeedsChanges]),
            new(SubmissionState.Received, LifecycleTrigger.Passed, SubmissionState.AwaitingReview, [LifecycleMessage.ValidationAccepted, LifecycleMessage.ReviewRequest]),
            new(SubmissionState.Received, LifecycleTrigger.PassedAutoPublish, SubmissionState.Approved, [LifecycleMessage.ValidationAccepted, LifecycleMessage.Publish]),
            new(SubmissionState.Received, LifecycleTrigger.OvertakenWhileChecked, SubmissionState.Superseded, []),
            new(SubmissionState.Received, LifecycleTrigger.IngestFailed, SubmissionState.Failed, []),
            new(SubmissionState.AwaitingReview, LifecycleTrigger.Approve, SubmissionState.Approved, [LifecycleMessage.Approved, LifecycleMessage.Publish]),
            new(SubmissionState.AwaitingReview, LifecycleTrigger.Return, SubmissionState.NeedsChanges, [LifecycleMessage.Returned]),
            new(SubmissionState.Approved, LifecycleTrigger.Return, SubmissionState.NeedsChanges, [LifecycleMessage.Returned]),
            new(SubmissionState.Approved, LifecycleTrigger.Reschedule, SubmissionState.Approved, [LifecycleMessage.Publish]),
            new(SubmissionState.Approved, LifecycleTrigger.Publish, SubmissionState.Published, [LifecycleMessage.Published]),
            new(SubmissionState.Approved, LifecycleTrigger.PublishFailed, SubmissionState.Failed, []),
            new(SubmissionState.Published, LifecycleTrigger.Withdraw, SubmissionState.Withdrawn, [LifecycleMessage.Withdrawn, LifecycleMessage.Unpublish]),
            new(SubmissionState.Published, LifecycleTrigger.ReplacedByCorrection, SubmissionState.Superseded, []),
            new(SubmissionState.Failed, LifecycleTrigger.RetryIngest, SubmissionState.Received, []),
            new(SubmissionState.Failed, LifecycleTrigger.RetryPublish, SubmissionState.Approved, [LifecycleMessage.Publish]),
        };

        foreach (var state in Pending)
        {
            steps.Add(new(state, LifecycleTrigger.SupersededByNewer, SubmissionState.Superseded, []));
        }

        foreach (var state in (SubmissionState[])[SubmissionState.Received, .. Pending])
        {
            steps.Add(new(state, LifecycleTrigger.Withdraw, SubmissionState.Withdrawn, [LifecycleMessage.Withdrawn]));
        }

        return steps;
    }
}
