namespace PublishPipeline.Site;

/// <summary>The Chinese names of submission states, as people read them on the private pages and in the audit trail.</summary>
public static class StateNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["Received"] = "已收到",
        ["Rejected"] = "无法受理",
        ["NeedsChanges"] = "需修改",
        ["AwaitingReview"] = "待审核",
        ["Approved"] = "已批准（待发布）",
        ["Published"] = "已发布",
        ["Superseded"] = "已被取代",
        ["Withdrawn"] = "已撤回",
        ["Failed"] = "处理失败",
    };

    /// <summary>
    /// The Chinese name of a state given by its enum name ("AwaitingReview" → "待审核"); an empty state (the "from" of
    /// the first audit entry) is "—", and a name this map does not know is shown as stored rather than hidden.
    /// </summary>
    public static string Chinese(string? state) =>
        string.IsNullOrEmpty(state) ? PrivatePageText.None : Names.GetValueOrDefault(state, state);
}
