namespace PublishPipeline.Pipeline.Deadlines;

/// <summary>Why an agency is reminded: it decides the wording of the reminder.</summary>
public enum ReminderSituation
{
    /// <summary>Nothing uploaded, or only versions that were unreadable, withdrawn or failed.</summary>
    NotSubmitted,

    /// <summary>The latest version has errors the agency has not yet fixed.</summary>
    NeedsChanges,
}
