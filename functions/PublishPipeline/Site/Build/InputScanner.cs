using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PublishPipeline.Checking;
using PublishPipeline.Reports;

namespace PublishPipeline.Site.Build;

/// <summary>
/// The first pass of a folder build over one input file. A contract JSON document is only scanned (Utf8JsonReader,
/// no objects but the few members kept), since the second pass parses it whole; a draft is read and checked
/// (<see cref="DraftChecker"/>) and its document kept, because reading a draft costs far more than keeping it.
/// </summary>
internal static partial class InputScanner
{
    /// <summary>Draft formats the readers take (a JSON file is a contract document, not a draft).</summary>
    public static IReadOnlySet<string> DraftExtensions { get; } =
        new HashSet<string>([".docx", ".txt", ".html", ".htm", ".pdf"], StringComparer.OrdinalIgnoreCase);

    private static readonly JsonSerializerOptions FactsOptions = new() { AllowTrailingCommas = false };

    /// <summary>Whether a file in the input folder is an input (a contract JSON document or a draft).</summary>
    public static bool IsInput(string fileName) =>
        !fileName.StartsWith('.') && (fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || DraftExtensions.Contains(Path.GetExtension(fileName)));

    /// <summary>The input's name parts: its stem (folder + name without extension and version) and version suffix.</summary>
    public static (string Stem, string? Slug, int? Version) Name(string relativePath)
    {
        var withoutExtension = relativePath[..^Path.GetExtension(relativePath).Length];
        var slash = withoutExtension.LastIndexOf('/');
        if (!relativePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            // Only JSON documents have versions beside them; a draft's stem keeps its extension so that "x.docx" and
            // "x.json" in one folder stay two inputs.
            return (relativePath, Slug(withoutExtension[(slash + 1)..]), null);
        }

        int? version = null;
        if (VersionSuffix().Match(withoutExtension) is { Success: true } m)
        {
            version = int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            withoutExtension = withoutExtension[..m.Index];
        }

        slash = withoutExtension.LastIndexOf('/');
        return (withoutExtension, Slug(withoutExtension[(slash + 1)..]), version);
    }

    /// <summary>
    /// A file name as an agency id: lower-cased, anything but ASCII letters and digits replaced by '-', runs collapsed,
    /// at most 64 characters. Null when that leaves fewer than two letters ("2020年兰溪市文旅局.docx"): such a name
    /// says nothing stable about the agency.
    /// </summary>
    public static string? Slug(string fileName)
    {
        var builder = new StringBuilder(fileName.Length);
        foreach (var c in fileName.ToLowerInvariant())
        {
            var keep = c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (keep)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > 64)
        {
            slug = slug[..64].TrimEnd('-');
        }

        return slug.Count(char.IsAsciiLetterLower) >= 2 ? slug : null;
    }

    /// <summary>An id for an agency known only by its name: "a-" and the first 12 hex digits of the name's SHA-256.</summary>
    public static string NameId(string agencyName) =>
        "a-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(agencyName.Trim())))[..12];

    /// <summary>
    /// Scans a contract JSON document; returns null with the reason when it is not one the build can use. The scan stops
    /// inside <c>report</c> once it has the schema, year, agency and 落款 date, when nothing it still looks for can
    /// follow: the document holds no <c>"publication"</c> key and, unless already read, no <c>"published_on"</c> key
    /// (a vectorised search of the raw bytes, where a false hit only means reading on). The sections and tables are
    /// most of a document and are parsed, and so checked, by the second pass.
    /// </summary>
    public static string? ScanJson(ReadOnlySpan<byte> json, InputDocument into)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var wanted = new Wanted(
            MayStopEarly: json.IndexOf("\"publication\""u8) < 0,
            HasPublishedOn: json.IndexOf("\"published_on\""u8) >= 0);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "不是 JSON 对象";
            }

            var sawReport = false;
            int? year = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("schema"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals(ReportDocument.SchemaId))
                    {
                        return $"schema 不是「{ReportDocument.SchemaId}」";
                    }

                    wanted.Schema = true;
                }
                else if (reader.ValueTextEquals("report"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        return "report 不是对象";
                    }

                    sawReport = true;
                    year = ScanReport(ref reader, into, ref wanted);
                    if (wanted.Stopped)
                    {
                        break;
                    }
                }
                else if (reader.ValueTextEquals("publication"u8))
                {
                    reader.Read();
                    into.Facts = reader.TokenType == JsonTokenType.Null ? null : JsonSerializer.Deserialize<PublicationFacts>(ref reader, FactsOptions);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (!sawReport)
            {
                return "没有 report 成员（不是年度报告的 JSON 文档）";
            }

            if (year is not { } y)
            {
                return "报告没有年度（report.year），无法确定页面所属年度";
            }

            into.Year = y;
            return null;
        }
        catch (JsonException e)
        {
            return "JSON 无法解析：" + e.Message;
        }
        catch (InvalidOperationException e)
        {
            return "JSON 无法解析：" + e.Message;
        }
    }

    /// <summary>Checks a draft; returns null with the reason when it is unreadable, has errors or has no year.</summary>
    public static string? CheckDraft(DraftChecker checker, ReadOnlyMemory<byte> content, InputDocument into)
    {
        var check = checker.Check(Path.GetFileName(into.FullPath), content);
        if (check.IsUnreadable || check.HasErrors)
        {
            var errors = check.Findings.Where(f => f.Severity == Severity.Error).ToList();
            var first = string.Join("；", errors.Take(3).Select(f => $"{f.Rule} {f.Message}"));
            return check.IsUnreadable
                ? "无法读取：" + (first.Length > 0 ? first : "不是可读的年度报告")
                : $"有 {errors.Count} 处错误：{first}{(errors.Count > 3 ? "……" : "")}";
        }

        var report = check.Document.Report;
        if (report.Year is not { } year)
        {
            return "报告没有年度，无法确定页面所属年度";
        }

        into.Year = year;
        into.AgencyName = report.Agency;
        into.PublishedOn = report.PublishedOn;
        into.CheckedJson = ReportJson.SerializeToUtf8(check.Document, indented: false);
        return null;
    }

    private static int? ScanReport(ref Utf8JsonReader reader, InputDocument into, ref Wanted wanted)
    {
        int? year = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("year"u8))
            {
                reader.Read();
                year = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var y) ? y : null;
                wanted.Year = true;
            }
            else if (reader.ValueTextEquals("agency"u8))
            {
                reader.Read();
                into.AgencyName = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                wanted.Agency = true;
            }
            else if (reader.ValueTextEquals("published_on"u8))
            {
                reader.Read();
                into.PublishedOn = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                wanted.PublishedOn = true;
            }
            else if (wanted.HaveAll)
            {
                wanted.Stopped = true;
                return year;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return year;
    }

    /// <summary>What the scan of one document has found, and whether it may stop before the end.</summary>
    private record struct Wanted(bool MayStopEarly, bool HasPublishedOn)
    {
        public bool Schema { get; set; }

        public bool Year { get; set; }

        public bool Agency { get; set; }

        public bool PublishedOn { get; set; }

        public bool Stopped { get; set; }

        public readonly bool HaveAll => MayStopEarly && Schema && Year && Agency && (PublishedOn || !HasPublishedOn);
    }

    [GeneratedRegex(@"\.v([1-9][0-9]{0,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionSuffix();
}
