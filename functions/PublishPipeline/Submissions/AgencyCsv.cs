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
public static partial class AgencyCsv
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
    public const int MaxRegionParts = 4;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a file's bytes: UTF-8 (a BOM is allowed); other encodings are refused with the line of the first bad byte.</summary>
    public static AgencyCsvResult Read(ReadOnlySpan<byte> content)
    {
        var bom = Encoding.UTF8.Preamble;
        if (content.StartsWith(bom))
        {
            content = content[bom.Length..];
        }

        if (!Utf8.IsValid(content))
        {
            var valid = ValidPrefixLength(content);
            var line = content[..valid].Count((byte)'\n') + 1;
            return Refused(new AgencyCsvError(line, null, null,
                "文件不是 UTF-8 编码（Excel 请“另存为 → CSV UTF-8（逗号分隔）”；WPS 请选择 UTF-8 编码）"));
        }

        return Read(StrictUtf8.GetString(content));
    }

    public static AgencyCsvResult Read(TextReader csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return Read(csv.ReadToEnd());
    }

    public static AgencyCsvResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = CsvRecords.Parse(text.TrimStart('\uFEFF'));
        if (records.Count == 0 || records[0].IsBlank)
        {
            return Refused(new AgencyCsvError(1, null, null, "机构名录为空：第 1 行应为表头 " + string.Join(',', Columns)));
        }

        var header = records[0];
        if (header.Error is not null)
        {
            return Refused(new AgencyCsvError(header.Line, null, null, "表头无法读取：" + header.Error));
        }

        var headerErrors = new List<AgencyCsvError>();
        var names = header.Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var column in Columns)
        {
            var positions = names.Select((name, index) => (name, index)).Where(n => n.name == column).Select(n => n.index).ToList();
            if (positions.Count == 0)
            {
                missing.Add(column);
            }
            else if (positions.Count > 1)
            {
                headerErrors.Add(new AgencyCsvError(header.Line, positions[1] + 1, column, "表头中此列重复"));
            }
            else
            {
                at[column] = positions[0];
            }
        }

        if (missing.Count > 0)
        {
            headerErrors.Insert(0, new AgencyCsvError(header.Line, null, null,
                $"表头缺少列{string.Concat(missing.Select(m => $"「{m}」"))}（表头应为 {string.Join(',', Columns)}）"));
        }

        if (headerErrors.Count > 0)
        {
            return new AgencyCsvResult([], headerErrors);
        }

        var errors = new List<AgencyCsvError>();
        var agencies = new List<Agency>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records.Skip(1))
        {
            if (record.IsBlank)
            {
                continue;
            }

            if (record.Error is not null)
            {
                errors.Add(new AgencyCsvError(record.Line, null, null, record.Error));
                continue;
            }

            if (record.Fields.Count != names.Count)
            {
                errors.Add(new AgencyCsvError(record.Line, null, null,
                    $"本行有 {record.Fields.Count} 列，表头有 {names.Count} 列（含逗号的字段须用双引号括起）"));
                continue;
            }

            var row = new Row(record, at, errors);
            if (ReadAgency(row) is { } agency)
            {
                if (firstLineOfId.TryGetValue(agency.Id, out var first))
                {
                    row.Error(IdColumn, $"机构编号「{agency.Id}」与第 {first} 行重复");
                    continue;
                }

                firstLineOfId[agency.Id] = record.Line;
                agencies.Add(agency);
            }
        }

        return errors.Count == 0 ? new AgencyCsvResult(agencies, []) : new AgencyCsvResult([], errors);
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

    private static Agency? ReadAgency(Row row)
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

        var region = Region(row);

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

        var submitters = Emails(row, SubmittersColumn);
        if (submitters is { Count: 0 })
        {
            row.Error(SubmittersColumn, "至少需要一个报送人邮箱");
        }

        var reviewers = Emails(row, ReviewersColumn);
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

    private static string? Region(Row row)
    {
        var text = row.Text(RegionColumn);
        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        if (text.Length == 0 || parts.Any(p => p.Length == 0) || parts.Length > MaxRegionParts)
        {
            row.Error(RegionColumn, $"地区「{text}」应为用“/”分隔的 1–{MaxRegionParts} 级地名（省/市/县/乡），如 浙江省/金华市/兰溪市，各级均不能为空");
            return null;
        }

        return string.Join('/', parts);
    }

    /// <summary>The addresses of one column, lower-cased and de-duplicated in order; null after recording an error.</summary>
    private static List<string>? Emails(Row row, string column)
    {
        var emails = new List<string>();
        var valid = true;
        // ';' as the header documents; the full-width '；' a Chinese input method types is the same separator.
        foreach (var item in row.Cell(column).Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (item.Length > 254 || !EmailPattern().IsMatch(item))
            {
                row.Error(column, $"「{item}」不是有效的邮箱地址（多个地址用分号“;”分隔）");
                valid = false;
                continue;
            }

            var email = item.ToLowerInvariant();
            if (!emails.Contains(email))
            {
                emails.Add(email);
            }
        }

        return valid ? emails : null;
    }

    private static int ValidPrefixLength(ReadOnlySpan<byte> content)
    {
        var chars = new char[content.Length];
        Utf8.ToUtf16(content, chars, out var bytesRead, out _, replaceInvalidSequences: false);
        return bytesRead;
    }

    private static AgencyCsvResult Refused(AgencyCsvError error) => new([], [error]);

    [GeneratedRegex(@"^[^@\s;,<>""()\[\]\\]+@[^@\s;,<>""()\[\]\\]+\.[^@\s;,<>""()\[\]\\.]+$")]
    private static partial Regex EmailPattern();

    /// <summary>One data row: its trimmed cells by column name, and errors recorded against its line and columns.</summary>
    private sealed class Row(CsvRecord record, IReadOnlyDictionary<string, int> at, List<AgencyCsvError> errors)
    {
        // A cell with a line break or markup is reported once, not again as "empty" or "invalid" by the checks that follow.
        private readonly HashSet<string> unreadable = new(StringComparer.Ordinal);

        public int ErrorCount { get; private set; }

        public string Cell(string column)
        {
            var value = record.Fields[at[column]].Trim();
            if (value.Any(char.IsControl))
            {
                Error(column, "含有换行符或其他控制字符");
                unreadable.Add(column);
                return "";
            }

            return value;
        }

        /// <summary>A cell of free text (a name, region, level or office): no markup, nothing invisible (<see cref="AgencyText"/>).</summary>
        public string Text(string column)
        {
            var value = Cell(column);
            if (AgencyText.Problem(value) is { } problem)
            {
                Error(column, problem);
                unreadable.Add(column);
                return "";
            }

            return value;
        }

        public void Error(string column, string message)
        {
            if (unreadable.Contains(column))
            {
                return;
            }

            ErrorCount++;
            errors.Add(new AgencyCsvError(record.Line, at[column] + 1, column, message));
        }
    }
}
