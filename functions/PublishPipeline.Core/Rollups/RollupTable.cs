namespace PublishPipeline.Rollups;

/// <summary>The three statistical tables a roll-up sums, under the report contract's keys.</summary>
public enum RollupTable
{
    /// <summary>表二 (proactive).</summary>
    Proactive,

    /// <summary>表三 (requests).</summary>
    Requests,

    /// <summary>表四 (review_litigation).</summary>
    ReviewLitigation,
}
