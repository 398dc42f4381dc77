using PublishPipeline.Reports;

namespace PublishPipeline.Rollups;

/// <summary>
/// One published report offered to a roll-up, with who published it and which version is live: the roll-up names it
/// by these, so a reader can go from any sum to the report behind it.
/// </summary>
/// <param name="AgencyId">The agency's id in the directory (its public pages are addressed by it).</param>
/// <param name="AgencyName">The agency's name as the directory spells it.</param>
/// <param name="SubmissionId">The live published version.</param>
/// <param name="Version">Its version number (1 = first publication, higher after corrections).</param>
/// <param name="Report">The report as published.</param>
public sealed record RollupSource(string AgencyId, string AgencyName, string SubmissionId, int Version, Report Report);
