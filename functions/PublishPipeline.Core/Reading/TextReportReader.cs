using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Reading;

/// <summary>
/// Reads the plain-text form of a report (the seed's TAB-cell form, or "|"-separated rows) into the canonical
/// <see cref="Report"/>: title, year, agency, period, the six parts with their narrative, and tables 二–四.
/// </summary>
public sealed partial class TextReportReader
{
    private const int MaxTitleLength = 60;

    private static readonly string[] TitleSuffixes =
    [
        "政府信息公开工作年度报告", "政府信息公开年度报告", "政府信息公开工作报告", "信息公开工作年度报告", "年度报告",
    ];

    public Report Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // A crawled page: its header gives the title and 发布时间; collapsed whitespace needs the flattened layout.
        text = Flattened.CrawlerHeader.Parse(text)?.WithHeaderLines() ?? text;
        var flattened = Flattened.FlattenedLayout.TrySplit(text);
        var report = FromLayout(flattened?.Items ?? PlainTextLayout.Split(text), text);
        report.Tables.Unread = flattened?.Unread is { Count: > 0 } unread ? unread : null;
        return report;
    }

    /// <summary>
    /// The layout → Report step every layout-producing reader shares (plain text, Word): <paramref name="text"/> is the
    /// document's flattened text, searched for the statistical period and year.
    /// </summary>
    internal static Report FromLayout(List<LayoutItem> items, string text)
    {
        var (title, titleText) = FindTitle(items);
        var report = new Report
        {
            Title = titleText,
            Period = FindPeriod(text),
        };
        report.Year = YearFrom(report.Title) ?? YearFrom(report.Period) ?? YearFromNarrative(text);
        report.Agency = AgencyFrom(report.Title);
        report.Sections = BuildSections(items);
        report.Preamble = ReportMetadata.Preamble(items, title) ?? ReportMetadata.TakeMisplacedPreamble(report.Sections);
        var (signedOn, signedBy) = ReportMetadata.TakeSignature(report.Sections);

        // The portal's 发布日期 is when the report went public; the 落款 is when it was signed, usually days earlier.
        report.PublishedOn = ReportMetadata.PortalDate(items) ?? signedOn;

        // A title without the agency ("政府信息公开工作年度报告") leaves the 落款 as the report's own statement of it (A2).
        report.Agency ??= signedBy;
        var (tables, template) = TableExtractor.Extract(items, report.Year);
        report.Tables = tables;
        report.Template = template;
        return report;
    }

    /// <summary>
    /// The title line, and the title's text: a title that a PDF conversion wrapped over two lines
    /// ("2025 年上海市人民政府办公厅政府信息公开" / "工作年度报告") is joined again.
    /// </summary>
    private static (NarrativeItem? Item, string? Text) FindTitle(List<LayoutItem> items)
    {
        NarrativeItem? previous = null;
        foreach (var item in items)
        {
            if (item is NarrativeItem narrative && narrative.Text.Length <= MaxTitleLength
                && LabelText.Fold(narrative.Text).Contains("年度报告", StringComparison.Ordinal))
            {
                var text = narrative.Text.Trim();
                if (previous is not null && IsTitleHead(previous.Text) && !StartsWithYear(text))
                {
                    return (narrative, previous.Text.Trim() + text);
                }

                return (narrative, text);
            }

            // The title comes before the first part; a title-like line deep in the body is narrative.
            if (item is HeadingItem or TableRowItem)
            {
                return (null, null);
            }

            previous = item as NarrativeItem;
        }

        return (null, null);
    }

    /// <summary>The first half of a wrapped title: short, and ending inside the phrase 政府信息公开(工作)(年度)报告.</summary>
    private static bool IsTitleHead(string line)
    {
        var folded = LabelText.Fold(line);
        return folded.Length is > 0 and <= MaxTitleLength
            && (EndsInPhrase(folded) || (LabelText.FoldTaiwan(folded, line) is { } mainland && EndsInPhrase(mainland)));

        static bool EndsInPhrase(string folded) =>
            folded.EndsWith("政府信息公开", StringComparison.Ordinal) || folded.EndsWith("政府信息公开工作", StringComparison.Ordinal);
    }

    private static bool StartsWithYear(string line) => LeadingYear().IsMatch(LabelText.FoldWidth(line));

    private static int? YearFrom(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var match = TitleYear().Match(LabelText.FoldWidth(title));
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static int? YearFrom(ReportPeriod? period) =>
        period is null ? null : int.Parse(period.From.AsSpan(0, 4), CultureInfo.InvariantCulture);

    private static int? YearFromNarrative(string text)
    {
        var match = NarrativeYear().Match(LabelText.FoldWidth(text));
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static ReportPeriod? FindPeriod(string text)
    {
        var match = Period().Match(LabelText.FoldWidth(text));
        if (!match.Success)
        {
            return null;
        }

        var fromYear = int.Parse(match.Groups["y1"].Value, CultureInfo.InvariantCulture);
        var toYear = match.Groups["y2"].Success ? int.Parse(match.Groups["y2"].Value, CultureInfo.InvariantCulture) : fromYear;
        var from = Date(fromYear, match.Groups["m1"].Value, match.Groups["d1"].Value);
        var to = Date(toYear, match.Groups["m2"].Value, match.Groups["d2"].Value);
        return from is null || to is null ? null : new ReportPeriod(from, to);
    }

    private static string? Date(int year, string month, string day)
    {
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(year, m))
        {
            return null;
        }

        return new DateOnly(year, m, d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>The title without its year prefix ("2020年", "2020年度") and its 年度报告 suffix.</summary>
    private static string? AgencyFrom(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var agency = LeadingYear().Replace(CellParser.Trim(title), "");
        var simplified = LabelText.Simplify(agency);
        foreach (var suffix in TitleSuffixes)
        {
            var at = simplified.IndexOf(suffix, StringComparison.Ordinal);
            if (at >= 0)
            {
                agency = agency[..at];
                break;
            }
        }

        agency = TrailingYear().Replace(LeadingYear().Replace(agency.Trim(), ""), "").Trim();
        return agency.Length == 0 ? null : agency;
    }

    private static List<ReportSection> BuildSections(List<LayoutItem> items)
    {
        var sections = new List<ReportSection>();
        ReportSection? current = null;
        StringBuilder? text = null;
        foreach (var item in items)
        {
            switch (item)
            {
                case HeadingItem heading:
                    Close();
                    current = new ReportSection { Number = heading.Section.Number, Key = heading.Section.Key, Heading = heading.Heading };
                    text = new StringBuilder();
                    break;
                case NarrativeItem narrative when text is not null && narrative.Text.Length > 0:
                    if (text.Length > 0)
                    {
                        text.Append('\n');
                    }

                    text.Append(narrative.Text);
                    break;
            }
        }

        Close();
        return sections;

        void Close()
        {
            if (current is not null)
            {
                current.Text = text!.ToString();
                sections.Add(current);
            }
        }
    }

    [GeneratedRegex(@"((?:19|20)\d{2})\s*年")]
    private static partial Regex TitleYear();

    [GeneratedRegex(@"((?:19|20)\d{2})\s*年度")]
    private static partial Regex NarrativeYear();

    [GeneratedRegex(@"^\s*(?:19|20)\d{2}\s*年度?")]
    private static partial Regex LeadingYear();

    [GeneratedRegex(@"(?:19|20)\d{2}\s*年度?$")]
    private static partial Regex TrailingYear();

    [GeneratedRegex(@"(?<y1>(?:19|20)\d{2})\s*年\s*(?<m1>\d{1,2})\s*月\s*(?<d1>\d{1,2})\s*日\s*(?:起)?\s*(?:至|到|—|-|~|～)\s*(?:(?<y2>(?:19|20)\d{2})\s*年\s*)?(?<m2>\d{1,2})\s*月\s*(?<d2>\d{1,2})\s*日")]
    private static partial Regex Period();
}
