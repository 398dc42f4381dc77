namespace PublishPipeline.Notices;

/// <summary>
/// To an agency's submitters before the deadline: the report of <paramref name="ReportYear"/> is not submitted, or its
/// latest version (<paramref name="LatestVersion"/>) still needs changes. <paramref name="DaysLeft"/> is counted by the
/// sender in Beijing calendar days (0 = the deadline is today).
/// </summary>
public sealed record DeadlineReminderNotice(
    string AgencyName,
    int ReportYear,
    DateOnly Deadline,
    int DaysLeft,
    DeadlineSituation Situation,
    int? LatestVersion,
    string SubmitUrl);
