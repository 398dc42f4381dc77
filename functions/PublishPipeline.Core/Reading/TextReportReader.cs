using PublishPipeline.Reports;

namespace PublishPipeline.Reading;

/// <summary>
/// Reads the plain-text form of a report (the seed's TAB-cell form, "|"-separated rows, or a crawled page whose
/// whitespace collapsed) into the canonical <see cref="Report"/>, through the report layout every reader shares.
/// </summary>
public sealed class TextReportReader
{
    public Report Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // A crawled page: its header gives the title and 发布时间; collapsed whitespace needs the flattened layout.
        text = Flattened.CrawlerHeader.Parse(text)?.WithHeaderLines() ?? text;
        var flattened = Flattened.FlattenedLayout.TrySplit(text);
        var report = ReportLayoutReader.Read(flattened?.Items ?? PlainTextLayout.Split(text), text);
        report.Tables.Unread = flattened?.Unread is { Count: > 0 } unread ? unread : null;
        return report;
    }
}
