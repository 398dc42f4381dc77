using PublishPipeline.Calendar;
using PublishPipeline.Site.OpenData;

namespace PublishPipeline.Site.Board;

/// <summary>
/// The board's rows as CSV, in the board's order, for the office's own spreadsheets: UTF-8 with a byte-order mark,
/// Chinese headers, RFC 4180 quoting and the formula guard of the site's open data (<see cref="CsvBuilder"/>).
/// </summary>
public static class BoardCsv
{
    public static IReadOnlyList<string> Headers { get; } =
    [
        "机关编号", "机关名称", "层级", "报告年度", "状态", "说明", "截止日期", "剩余天数", "逾期天数", "错误数", "待审核起始时间", "定时发布时间", "发布时间", "版本", "处理进度页面",
    ];

    /// <summary>The file, and the name a browser saves it under.</summary>
    public static SiteFile Write(RegionBoard board, string statusBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(statusBaseUrl);
        var csv = new CsvBuilder();
        foreach (var header in Headers)
        {
            csv.Text(header);
        }

        csv.EndRow();
        foreach (var row in board.Rows)
        {
            csv.Text(row.AgencyId).Text(row.AgencyName).Text(row.Level).Number(board.Year).Text(row.StateName).Text(row.Detail)
                .Text(row.Deadline?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            _ = row.DaysLeft is { } left ? csv.Number(Math.Max(left, 0)) : csv.Empty();
            _ = row.DaysLeft < 0 ? csv.Number(-row.DaysLeft.Value) : row.DaysLate is { } late ? csv.Number(late) : csv.Empty();
            csv.Number(row.Errors).Text(Instant(row.AwaitingSince)).Text(Instant(row.ScheduledAt)).Text(Instant(row.PublishedAt));
            _ = row.Version is { } version ? csv.Number(version) : csv.Empty();
            csv.Text(row.SubmissionId is null ? null : statusBaseUrl.TrimEnd('/') + Addresses.SubmissionPaths.Status(row.SubmissionId)).EndRow();
        }

        return csv.ToFile(FileName(board));
    }

    /// <summary>lanxi-2026-board.csv: ASCII, so every browser saves it under the same name.</summary>
    public static string FileName(RegionBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return $"{board.RegionId}-{BoardText.Number(board.Year)}-board.csv";
    }

    // Beijing time, as people read every other time on the board: "2027-01-20 09:30".
    private static string? Instant(DateTimeOffset? instant) =>
        instant is { } at ? ChinaTime.ToChina(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : null;
}
