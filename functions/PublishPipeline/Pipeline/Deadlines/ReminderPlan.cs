namespace PublishPipeline.Pipeline.Deadlines;

/// <summary>Today's reminders, and the directory gaps the operator should hear about.</summary>
/// <param name="Reminders">Ordered by deadline, then agency id.</param>
/// <param name="SkippedWithoutSubmitters">Agencies due a reminder today that have no submitter to send it to.</param>
/// <param name="AgenciesWithoutDeadline">Agencies whose level sets no deadline (an unknown or empty level): never reminded.</param>
public sealed record ReminderPlan(
    IReadOnlyList<PlannedReminder> Reminders,
    IReadOnlyList<string> SkippedWithoutSubmitters,
    IReadOnlyList<string> AgenciesWithoutDeadline);
