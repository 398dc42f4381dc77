namespace PublishPipeline.Notices;

/// <summary>The emails the pipeline sends; one of each kind per submission at most.</summary>
public static class NoticeKind
{
    public const string ValidationResult = "validation-result";

    public const string Published = "published";
}
