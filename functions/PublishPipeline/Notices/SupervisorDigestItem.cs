namespace PublishPipeline.Notices;

/// <summary>One agency in a supervisor's digest, in the board's words; <paramref name="StatusUrl"/> is null when nothing was uploaded.</summary>
public sealed record SupervisorDigestItem(string AgencyName, string StateName, string Detail, string Deadline, string DaysLeft, bool Overdue, string? StatusUrl);
