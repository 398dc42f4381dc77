using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using PublishPipeline.Agencies;

namespace PublishPipeline.Submissions;

/// <summary>
/// The agency directory as CSV (RFC 4180, UTF-8 with or without BOM), header
/// <c>id,name,region,level,supervising_office,submitters,reviewers,auto_publish</c> in any order (other columns are
/// ignored), emails ';'-separated. The whole file is checked and every error reported with its line and column, so an
/// operator fixes the file in one pass; nothing is imported from a file with any error. Mail only ever goes to the
/// addresses recorded here, which is why they are checked strictly.
/// </summary>
public static class AgencyCsv
{
    public const string IdColumn = "id";
    public const string NameColumn = "name";
    public const string RegionColumn = "region";
    public const string LevelColumn = "level";
    public const string SupervisingOfficeColumn = "supervising_office";
    public const string SubmittersColumn = "submitters";
    public const string ReviewersColumn = "reviewers";
    public const string AutoPublishColumn = "auto_publish";

    public static IReadOnlyList<string> Columns { get; } =
        [IdColumn, NameColumn, RegionColumn, LevelColumn, SupervisingOfficeColumn, SubmittersColumn, ReviewersColumn, AutoPublishColumn];

    /// <summary>省/市/县/乡: a region path has one to four parts.</summary>
    public const int MaxRegionParts = DirectoryCsvTable.MaxRegionParts;

    /// <summary>Reads a file's bytes: UTF-8 (a BOM is allowed); other encodings are refused with the line of the first bad byte.</summary>
    public static AgencyCsvResult Read(ReadOnlySpan<byte> content) =>
        DirectoryCsvTable.Decode(content, out var refused) is { } text ? Read(text) : new AgencyCsvResult([], [refused!]);

    public static AgencyCsvResult Read(TextReader csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return Read(csv.ReadToEnd());
    }

    public static AgencyCsvResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var table = DirectoryCsvTable.Open(text, Columns, "机构名录");
        var agencies = new List<Agency>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            if (ReadAgency(row) is { } agency)
            {
                if (firstLineOfId.TryGetValue(agency.Id, out var first))
                {
                    row.Error(IdColumn, $"机构编号「{agency.Id}」与第 {first} 行重复");
                    continue;
                }

                firstLineOfId[agency.Id] = row.Line;
                agencies.Add(agency);
            }
        }

        return table.Errors.Count == 0 ? new AgencyCsvResult(agencies, []) : new AgencyCsvResult([], table.Errors);
    }

    /// <summary>Writes agencies in the format <see cref="Read(string)"/> reads (CRLF line ends, as RFC 4180 and Excel use).</summary>
    public static void Write(IEnumerable<Agency> agencies, TextWriter csv)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(csv);
        csv.Write(string.Join(',', Columns) + "\r\n");
        foreach (var agency in agencies)
        {
            string[] fields =
            [
                agency.Id, agency.Name, agency.Region, agency.Level, agency.SupervisingOffice,
                string.Join(';', agency.SubmitterEmails), string.Join(';', agency.ReviewerEmails), agency.AutoPublish ? "true" : "false",
            ];
            csv.Write(string.Join(',', fields.Select(CsvRecords.Quote)) + "\r\n");
        }
    }

    /// <summary>true/false, 1/0 or 是/否 (case and surrounding spaces ignored); null for anything else.</summary>
    public static bool? ParseAutoPublish(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "是" => true,
            "false" or "0" or "否" => false,
            _ => null,
        };
    }

    private static Agency? ReadAgency(DirectoryCsvRow row)
    {
        var errorsBefore = row.ErrorCount;
        var id = row.Cell(IdColumn);
        if (id.Length == 0)
        {
            row.Error(IdColumn, "机构编号不能为空");
        }
        else if (!AgencyDirectory.IsValidId(id))
        {
            row.Error(IdColumn, $"机构编号「{id}」无效（2–64 个字符，只能包含小写字母、数字和连字符，且不以连字符开头或结尾）");
        }

        var name = row.Text(NameColumn);
        if (name.Length == 0)
        {
            row.Error(NameColumn, "机构名称不能为空");
        }

        var region = row.RegionPath(RegionColumn);

        var level = row.Text(LevelColumn);
        if (!AgencyLevels.All.Contains(level))
        {
            row.Error(LevelColumn, $"「{level}」不是已知的机关层级，应为以下之一：{string.Join("、", AgencyLevels.All)}");
        }

        var office = row.Text(SupervisingOfficeColumn);
        if (office.Length == 0)
        {
            row.Error(SupervisingOfficeColumn, "主管（审核）机关不能为空");
        }

        var autoPublishText = row.Cell(AutoPublishColumn);
        var autoPublish = ParseAutoPublish(autoPublishText);
        if (autoPublish is null)
        {
            row.Error(AutoPublishColumn, $"「{autoPublishText}」应为 true、false、1、0、是 或 否");
        }

        var submitters = row.Emails(SubmittersColumn);
        if (submitters is { Count: 0 })
        {
            row.Error(SubmittersColumn, "至少需要一个报送人邮箱");
        }

        var reviewers = row.Emails(ReviewersColumn);
        if (reviewers is { Count: 0 } && autoPublish == false)
        {
            row.Error(ReviewersColumn, "未设置自动发布（auto_publish 为否）时至少需要一个审核人邮箱");
        }

        // Review means a second person: an address that may both submit and approve would make it a formality.
        if (submitters is not null && reviewers is not null)
        {
            foreach (var both in reviewers.Intersect(submitters, StringComparer.Ordinal))
            {
                row.Error(ReviewersColumn, $"「{both}」同时是报送人和审核人：报送与审核应由不同的人负责");
            }
        }

        if (row.ErrorCount > errorsBefore)
        {
            return null;
        }

        return new Agency
        {
            RowKey = id,
            Name = name,
            Region = region!,
            Level = level,
            SupervisingOffice = office,
            Submitters = string.Join(';', submitters!),
            Reviewers = string.Join(';', reviewers!),
            AutoPublish = autoPublish!.Value,
        };
    }
}
