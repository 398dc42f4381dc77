using PublishPipeline.Submissions;

namespace PublishPipeline.Tests.Pipeline.Deadlines;

/// <summary>Agency directory entries for the deadline tests.</summary>
internal static class DirectoryEntries
{
    public static Agency Agency(string id, string level, string submitters = "tianbao@example.gov.cn", string reviewers = "") =>
        new() { RowKey = id, Name = id + "名称", Level = level, Submitters = submitters, Reviewers = reviewers };
}
