namespace PublishPipeline.Pipeline;

/// <summary>What a message on the site queue asks for.</summary>
public enum SiteWork
{
    /// <summary>Re-derive one agency's part of the live site from its stored versions (a rebuild fans out one per agency).</summary>
    RebuildAgency,

    /// <summary>Re-index search now if the site changed since the last index.</summary>
    IndexSearch,

    /// <summary>Rebuild a supervised region's roll-up of a year if this message is for its latest change (debounced).</summary>
    RebuildRollup,
}

/// <summary>A message on the site queue.</summary>
/// <param name="Change">For <see cref="SiteWork.RebuildRollup"/>: the roll-up's change count the message was sent for.</param>
public sealed record SiteMessage(SiteWork Work, string? AgencyId = null, string? RegionId = null, int? Year = null, int? Change = null);
