namespace PublishPipeline.Site.Build;

/// <summary>What a build wrote and left out, and how long each phase took.</summary>
public sealed record SiteBuildResult(
    int Reports,
    int EarlierVersions,
    int Agencies,
    int Files,
    IReadOnlyList<LeftOutInput> LeftOut,
    IReadOnlyList<(string Phase, TimeSpan Elapsed)> Phases);
