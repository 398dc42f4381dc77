namespace PublishPipeline.Notices;

/// <summary>Why an agency is reminded of the deadline.</summary>
public enum DeadlineSituation
{
    /// <summary>Nothing has been submitted for the report year.</summary>
    NotSubmitted,

    /// <summary>The latest version has errors or was returned, and no corrected version has come since.</summary>
    NeedsChanges,
}
