namespace PublishPipeline.Pipeline;

/// <summary>What a message on the site queue asks for.</summary>
public enum SiteWork
{
    /// <summary>Re-derive one agency's part of the live site from its stored versions (a rebuild fans out one per agency).</summary>
    RebuildAgency,

    /// <summary>Re-index search now if the site changed since the last index.</summary>
    IndexSearch,

    /// <summary>Rebuild a supervised region's roll-up of a year, unless an earlier message already covered its change.</summary>
    RebuildRollup,
}

/// <summary>A message on the site queue.</summary>
public sealed record SiteMessage(SiteWork Work, string? AgencyId = null, string? RegionId = null, int? Year = null);
