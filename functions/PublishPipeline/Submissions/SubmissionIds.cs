using System.Globalization;
using System.Text.RegularExpressions;

namespace PublishPipeline.Submissions;

/// <summary>
/// A submission is one version of a report, and its id says which: <c>{agency}-{year}-v{n}</c>
/// (<c>lanxi-wenlvj-2020-v2</c>). Readable in emails and URLs, and it names the table partition, so every lookup
/// by id is a point read. Ids are not secrets: every route that takes one checks who is asking.
/// </summary>
public static partial class SubmissionIds
{
    public const int MaxVersion = 99999;

    public static string For(string agencyId, int year, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{agencyId}-{year}-v{version}");

    public static string For(ReportKey report, int version) => For(report.AgencyId, report.Year, version);

    public static bool TryParse(string? id, out ReportKey report, out int version)
    {
        report = default;
        version = 0;
        if (id is null || id.Length > 90)
        {
            return false;
        }

        var match = IdPattern().Match(id);
        if (!match.Success
            || !AgencyDirectory.IsValidId(match.Groups["agency"].Value)
            || !int.TryParse(match.Groups["version"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out version)
            || version is < 1 or > MaxVersion)
        {
            return false;
        }

        report = new ReportKey(match.Groups["agency"].Value, int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture));
        return true;
    }

    public static bool IsWellFormed(string? id) => TryParse(id, out _, out _);

    /// <summary>The row key of a version inside its report's partition; zero-padded so rows sort by version.</summary>
    public static string RowKeyFor(int version) => "v" + version.ToString("D5", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<agency>[a-z0-9][a-z0-9-]*[a-z0-9])-(?<year>0|(19|20|21)\d\d)-v(?<version>[1-9][0-9]{0,4})$")]
    private static partial Regex IdPattern();
}
