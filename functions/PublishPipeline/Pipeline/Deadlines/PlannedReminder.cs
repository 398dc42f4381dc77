using System.Globalization;

namespace PublishPipeline.Pipeline.Deadlines;

/// <summary>One reminder to send today to an agency's submitters about its report for <paramref name="ReportYear"/>.</summary>
/// <param name="DaysLeft">Days from <paramref name="Day"/> to <paramref name="Deadline"/>; negative once the deadline has passed.</param>
/// <param name="LatestVersion">The version the situation refers to (the one that needs changes, or the last unreadable one); null when nothing was uploaded.</param>
/// <param name="Day">The Beijing date the reminder is planned for.</param>
public sealed record PlannedReminder(
    string AgencyId,
    int ReportYear,
    DateOnly Deadline,
    int DaysLeft,
    ReminderSituation Situation,
    int? LatestVersion,
    DateOnly Day)
{
    /// <summary>At most one reminder per agency, report and day: record it before sending and a re-run sends nothing twice.</summary>
    public string Key => $"{AgencyId}-{ReportYear}-{Day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    public bool IsOverdue => DaysLeft < 0;
}
