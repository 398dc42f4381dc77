namespace PublishPipeline.Site;

/// <summary>
/// Who made a change, as people read it in the audit trail: a person by their email, the pipeline's own stages by
/// what they do (the audit stores <c>system:ingest</c>, <c>system:publish</c> …; nobody should have to read a key).
/// </summary>
public static class ActorNames
{
    private const string SystemPrefix = "system:";

    private static readonly Dictionary<string, string> Stages = new(StringComparer.Ordinal)
    {
        ["ingest"] = "系统（自动校验）",
        ["publish"] = "系统（发布）",
        ["poison"] = "系统（故障处理）",
        ["blob"] = "系统（直接存入存储的上传）",
    };

    public static string Chinese(string? actor)
    {
        if (string.IsNullOrWhiteSpace(actor))
        {
            return PrivatePageText.None;
        }

        return actor.StartsWith(SystemPrefix, StringComparison.Ordinal)
            ? Stages.GetValueOrDefault(actor[SystemPrefix.Length..], "系统")
            : actor;
    }
}
