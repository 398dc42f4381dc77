using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublishPipeline.Calendar;
using PublishPipeline.Notices;
using PublishPipeline.Rendering;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline.Deadlines;

/// <summary>
/// The daily deadline job (timer <c>%DeadlineSchedule%</c>): queues the reminders <see cref="ReminderPlanner"/>
/// plans for today (Beijing) to agencies whose report is not in review or published, and one digest per reviewer
/// of the reports awaiting them; on the supervisors' weekday, each region's board to its supervisors. Each email is
/// keyed by agency, year and day (reviewer and day; region, supervisor and ISO week), so running the job twice sends
/// nothing twice.
/// </summary>
public sealed class DeadlineHandler(
    SubmissionStore submissions,
    AgencyDirectory agencies,
    RegionDirectory regions,
    MessageQueue queue,
    TimeProvider clock,
    IOptions<DeadlineOptions> options,
    ILogger<DeadlineHandler> logger)
{
    /// <summary>Runs the job for <paramref name="today"/> (Beijing date; today's when null). Returns what was queued.</summary>
    public async Task<DeadlineRun> RunAsync(DateOnly? today = null, CancellationToken cancellationToken = default)
    {
        var day = today ?? ChinaTime.DateInChina(clock.GetUtcNow());
        var directory = await agencies.ListAsync(cancellationToken);

        // One query per report year the planner can ask about (overdue reminders reach the year before last).
        var progress = new Dictionary<(string AgencyId, int Year), ReportProgress>();
        foreach (var year in new[] { day.Year - 2, day.Year - 1, day.Year })
        {
            foreach (var report in (await submissions.ListVersionsOfYearAsync(year, cancellationToken)).GroupBy(v => v.AgencyId))
            {
                progress[(report.Key, year)] = ReportProgress.FromVersions(report.Select(v => (v.Version, v.CurrentState)));
            }
        }

        var plan = ReminderPlanner.Plan(
            day, directory, (agencyId, year) => progress.GetValueOrDefault((agencyId, year), ReportProgress.NothingUploaded), options.Value);
        foreach (var reminder in plan.Reminders)
        {
            await queue.SendNoticeAsync(
                new NoticeMessage(null, NoticeKind.DeadlineReminder, AgencyId: reminder.AgencyId, Year: reminder.ReportYear, Key: reminder.Key),
                cancellationToken);
        }

        var digests = 0;
        if (options.Value.DigestEnabled)
        {
            var pending = PendingReview.From(await submissions.ListInStateAsync(SubmissionState.AwaitingReview, cancellationToken), directory);
            var digestPlan = DigestPlanner.Plan(directory, pending, clock.GetUtcNow());
            foreach (var digest in digestPlan.Digests)
            {
                await queue.SendNoticeAsync(
                    new NoticeMessage(null, NoticeKind.ReviewDigest, Recipient: digest.ReviewerEmail, Key: digest.Key),
                    cancellationToken);
            }

            digests = digestPlan.Digests.Count;
            if (digestPlan.Unrouted.Count > 0)
            {
                logger.LogWarning("{Count} report(s) await review with no registered reviewer: {Ids}", digestPlan.Unrouted.Count, string.Join(", ", digestPlan.Unrouted.Select(p => p.SubmissionId)));
            }
        }

        // Weekly, on the configured Beijing weekday: each region's board to each of its supervisors.
        // The regions are read only on that weekday: the other six days cost no storage read.
        IReadOnlyList<PlannedSupervisorDigest> supervisorDigests = SupervisorDigestPlanner.IsDigestDay(day, options.Value)
            ? SupervisorDigestPlanner.Plan(day, await regions.ListAsync(cancellationToken), options.Value)
            : [];
        foreach (var digest in supervisorDigests)
        {
            await queue.SendNoticeAsync(
                new NoticeMessage(null, NoticeKind.SupervisorDigest, Year: digest.ReportYear, Recipient: digest.SupervisorEmail, Key: digest.Key, RegionId: digest.RegionId),
                cancellationToken);
        }

        if (plan.SkippedWithoutSubmitters.Count > 0 || plan.AgenciesWithoutDeadline.Count > 0)
        {
            logger.LogWarning(
                "Deadline reminders: {Skipped} agencies have no submitter address ({SkippedIds}); {NoDeadline} have a level with no deadline ({NoDeadlineIds})",
                plan.SkippedWithoutSubmitters.Count, string.Join(", ", plan.SkippedWithoutSubmitters), plan.AgenciesWithoutDeadline.Count, string.Join(", ", plan.AgenciesWithoutDeadline));
        }

        logger.LogInformation(
            "Deadline job for {Day}: {Reminders} reminder(s), {Digests} digest(s), {SupervisorDigests} supervisor digest(s) queued",
            day, plan.Reminders.Count, digests, supervisorDigests.Count);
        return new DeadlineRun(day, plan.Reminders, digests, supervisorDigests.Count);
    }
}

/// <summary>What one run of the deadline job queued.</summary>
public sealed record DeadlineRun(DateOnly Day, IReadOnlyList<PlannedReminder> Reminders, int Digests, int SupervisorDigests = 0);
