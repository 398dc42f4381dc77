namespace PublishPipeline.Pipeline;

/// <summary>What a message on the site queue asks for.</summary>
public enum SiteWork
{
    /// <summary>Re-derive one agency's part of the live site from its stored versions (a rebuild fans out one per agency).</summary>
    RebuildAgency,

    /// <summary>Re-index search now if the site changed since the last index.</summary>
    IndexSearch,
}

/// <summary>A message on the site queue.</summary>
public sealed record SiteMessage(SiteWork Work, string? AgencyId = null);
