using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline;

/// <summary>How a reviewer's or submitter's action ended.</summary>
public enum WorkflowStatus
{
    Done,
    NotFound,
    Unauthenticated,
    Forbidden,
    Conflict,
    Invalid,
}

/// <summary>The outcome of an action, with a Chinese title and detail for the person when it was not done.</summary>
public sealed record WorkflowResult(WorkflowStatus Status, Submission? Submission, string Title = "", string Detail = "")
{
    public static WorkflowResult Done(Submission submission) => new(WorkflowStatus.Done, submission);

    public static WorkflowResult Fail(WorkflowStatus status, string title, string detail, Submission? submission = null) =>
        new(status, submission, title, detail);
}
