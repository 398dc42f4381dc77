using PublishPipeline.Calendar;
using PublishPipeline.Submissions;

namespace PublishPipeline.Site.Board;

/// <summary>One agency's row from its versions of the year.</summary>
internal static class BoardRows
{
    public static BoardRow For(Agency agency, IReadOnlyList<Submission> versions, DateOnly? deadline, DateOnly today)
    {
        var newestFirst = versions.OrderByDescending(v => v.Version).ToList();

        // A published version decides the row even while a correction is in review: the report is public, and its
        // lateness is that of its publication.
        var published = newestFirst.FirstOrDefault(v => v.CurrentState == SubmissionState.Published);
        if (published is not null)
        {
            var at = published.PublishedAt ?? published.UpdatedAt;
            var daysLate = deadline is { } due ? Math.Max(0, ChinaTime.DateInChina(at).DayNumber - due.DayNumber) : (int?)null;
            var correction = newestFirst.FirstOrDefault(v => v.Version > published.Version && Counts(v.CurrentState));
            var detail = $"{BoardText.Time(at)} 发布" + (daysLate > 0 ? $"（逾期 {BoardText.Number(daysLate.Value)} 天）" : "")
                + (correction is null ? "" : $"；更正版第 {BoardText.Number(correction.Version)} 版{StateNames.Chinese(correction.State)}");
            return Row(agency, BoardStatus.Published, StateNames.Chinese(published.State), detail, published, deadline, null, daysLate) with { PublishedAt = at };
        }

        var daysLeft = deadline is { } d ? d.DayNumber - today.DayNumber : (int?)null;
        var latest = newestFirst.FirstOrDefault(v => Counts(v.CurrentState));
        if (latest is null)
        {
            var last = newestFirst.FirstOrDefault();
            return last is null
                ? Row(agency, BoardStatus.NotSubmitted, BoardText.NotSubmitted, "尚未上传任何版本", null, deadline, daysLeft, null)
                : Row(agency, BoardStatus.NotSubmitted, StateNames.Chinese(last.State), $"第 {BoardText.Number(last.Version)} 版{StateNames.Chinese(last.State)}，尚无有效版本", last, deadline, daysLeft, null);
        }

        var version = $"第 {BoardText.Number(latest.Version)} 版";
        return latest.CurrentState switch
        {
            SubmissionState.NeedsChanges => Row(
                agency, BoardStatus.NeedsChanges, StateNames.Chinese(latest.State),
                latest.Errors > 0 ? $"{version}有 {BoardText.Number(latest.Errors)} 处错误" : $"{version}经审核退回修改",
                latest, deadline, daysLeft, null),
            SubmissionState.AwaitingReview => Row(
                agency, BoardStatus.AwaitingReview, StateNames.Chinese(latest.State),
                $"{version}自 {BoardText.Time(latest.ReceivedAt)} 起待审核", latest, deadline, daysLeft, null) with { AwaitingSince = latest.ReceivedAt },
            SubmissionState.Approved => Row(
                agency, BoardStatus.Approved, StateNames.Chinese(latest.State),
                latest.PublishAt is { } scheduled ? $"{version}定于 {BoardText.Time(scheduled)} 发布" : $"{version}已批准，尚未安排发布时间",
                latest, deadline, daysLeft, null) with { ScheduledAt = latest.PublishAt },
            _ => Row(agency, BoardStatus.Processing, StateNames.Chinese(latest.State), $"{version}已收到，正在校验", latest, deadline, daysLeft, null),
        };
    }

    private static BoardRow Row(Agency agency, BoardStatus status, string stateName, string detail, Submission? version, DateOnly? deadline, int? daysLeft, int? daysLate) =>
        new(agency.Id, agency.Name, agency.Level, status.ToString(), stateName, detail, version?.Id, version?.Version, version?.Errors ?? 0,
            null, null, null, deadline, daysLeft, daysLate);

    // The same rule as the deadline reminders: refused, withdrawn, failed and superseded versions do not count.
    private static bool Counts(SubmissionState state) =>
        state is not (SubmissionState.Rejected or SubmissionState.Withdrawn or SubmissionState.Failed or SubmissionState.Superseded or SubmissionState.Published);
}
