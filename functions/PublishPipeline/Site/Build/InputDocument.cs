namespace PublishPipeline.Site.Build;

/// <summary>
/// What the first pass of a folder build learns about one input file, without keeping the document: enough to tell
/// which agency and year it is, when it was published and which version it is. The second pass reads the file again
/// (or, for a draft, the checked document kept here) when it renders the agency's pages.
/// </summary>
internal sealed class InputDocument
{
    /// <summary>The file, relative to the input folder with '/' separators (what left-out lines and ties use).</summary>
    public required string RelativePath { get; init; }

    public required string FullPath { get; init; }

    /// <summary>The folder and file name without extension and version suffix: a live file and its versions share it.</summary>
    public required string Stem { get; init; }

    /// <summary>The file name's slug (the stem's last segment), the agency id when nothing better is known; null when the name has none.</summary>
    public string? NameSlug { get; init; }

    /// <summary>n for a <c>{slug}.v{n}.json</c> file (an earlier version); null for the live document.</summary>
    public int? FileVersion { get; init; }

    public int Year { get; set; }

    public string? AgencyName { get; set; }

    public string? PublishedOn { get; set; }

    public PublicationFacts? Facts { get; set; }

    public DateTimeOffset LastWriteUtc { get; init; }

    /// <summary>A checked draft's contract document as compact UTF-8 JSON; null for a JSON input (read again from disk).</summary>
    public byte[]? CheckedJson { get; set; }

    /// <summary>When this version went public: the publication member, else the report's 落款 date, else the file's time.</summary>
    public DateTimeOffset PublishedAt =>
        Facts?.PublishedAt ?? PublishedOnDate(PublishedOn) ?? LastWriteUtc;

    /// <summary>A 落款 date is a day in China: its start in China Standard Time.</summary>
    public static DateTimeOffset? PublishedOnDate(string? isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8))
            : null;
}
