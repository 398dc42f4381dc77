using System.Globalization;

namespace PublishPipeline.Submissions;

/// <summary>
/// The identity of a report: one agency, one year. Every version of it, its hash index and its audit trail live in
/// one table partition, so a transition, the supersession it causes and its audit entries commit together.
/// </summary>
public readonly record struct ReportKey(string AgencyId, int Year)
{
    /// <summary>Agency ids are <c>[a-z0-9-]</c>, so '_' separates unambiguously and one agency's prefix never matches another's.</summary>
    public string PartitionKey => string.Create(CultureInfo.InvariantCulture, $"{AgencyId}_{Year}");

    public override string ToString() => PartitionKey;
}
