using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace PublishPipeline.Submissions;

/// <summary>
/// A directory CSV (agencies, supervised regions) opened for checking: the header matched against the required
/// columns (any order, other columns ignored), then each data row with its cells by column name. Every problem is
/// collected with its line and column, so an operator fixes the file in one pass.
/// </summary>
internal sealed partial class DirectoryCsvTable
{
    /// <summary>省/市/县/乡: a region path has one to four parts.</summary>
    public const int MaxRegionParts = 4;

    private DirectoryCsvTable(List<AgencyCsvError> errors, IReadOnlyList<DirectoryCsvRow> rows)
    {
        Errors = errors;
        Rows = rows;
    }

    /// <summary>Every error so far: the header's, the unreadable rows', and what the rows' checks record.</summary>
    public List<AgencyCsvError> Errors { get; }

    /// <summary>The data rows that could be read (blank lines skipped), in file order.</summary>
    public IReadOnlyList<DirectoryCsvRow> Rows { get; }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A file's text when it is UTF-8 (a BOM is allowed); else null and the error at the line of the first bad byte.</summary>
    public static string? Decode(ReadOnlySpan<byte> content, out AgencyCsvError? refused)
    {
        var bom = Encoding.UTF8.Preamble;
        if (content.StartsWith(bom))
        {
            content = content[bom.Length..];
        }

        if (Utf8.IsValid(content))
        {
            refused = null;
            return StrictUtf8.GetString(content);
        }

        var chars = new char[content.Length];
        Utf8.ToUtf16(content, chars, out var bytesRead, out _, replaceInvalidSequences: false);
        var line = content[..bytesRead].Count((byte)'\n') + 1;
        refused = new AgencyCsvError(line, null, null, "文件不是 UTF-8 编码（Excel 请“另存为 → CSV UTF-8（逗号分隔）”；WPS 请选择 UTF-8 编码）");
        return null;
    }

    /// <param name="what">The file's name for people (机构名录, 地区名录).</param>
    public static DirectoryCsvTable Open(string text, IReadOnlyList<string> columns, string what)
    {
        var errors = new List<AgencyCsvError>();
        var records = CsvRecords.Parse(text.TrimStart('\uFEFF'));
        if (records.Count == 0 || records[0].IsBlank)
        {
            errors.Add(new AgencyCsvError(1, null, null, $"{what}为空：第 1 行应为表头 " + string.Join(',', columns)));
            return new DirectoryCsvTable(errors, []);
        }

        var header = records[0];
        if (header.Error is not null)
        {
            errors.Add(new AgencyCsvError(header.Line, null, null, "表头无法读取：" + header.Error));
            return new DirectoryCsvTable(errors, []);
        }

        var names = header.Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var column in columns)
        {
            var positions = names.Select((name, index) => (name, index)).Where(n => n.name == column).Select(n => n.index).ToList();
            if (positions.Count == 0)
            {
                missing.Add(column);
            }
            else if (positions.Count > 1)
            {
                errors.Add(new AgencyCsvError(header.Line, positions[1] + 1, column, "表头中此列重复"));
            }
            else
            {
                at[column] = positions[0];
            }
        }

        if (missing.Count > 0)
        {
            errors.Insert(0, new AgencyCsvError(header.Line, null, null,
                $"表头缺少列{string.Concat(missing.Select(m => $"「{m}」"))}（表头应为 {string.Join(',', columns)}）"));
        }

        if (errors.Count > 0)
        {
            return new DirectoryCsvTable(errors, []);
        }

        var rows = new List<DirectoryCsvRow>();
        foreach (var record in records.Skip(1))
        {
            if (record.IsBlank)
            {
                continue;
            }

            if (record.Error is not null)
            {
                errors.Add(new AgencyCsvError(record.Line, null, null, record.Error));
            }
            else if (record.Fields.Count != names.Count)
            {
                errors.Add(new AgencyCsvError(record.Line, null, null,
                    $"本行有 {record.Fields.Count} 列，表头有 {names.Count} 列（含逗号的字段须用双引号括起）"));
            }
            else
            {
                rows.Add(new DirectoryCsvRow(record, at, errors));
            }
        }

        return new DirectoryCsvTable(errors, rows);
    }

    [GeneratedRegex(@"^[^@\s;,<>""()\[\]\\]+@[^@\s;,<>""()\[\]\\]+\.[^@\s;,<>""()\[\]\\.]+$")]
    internal static partial Regex EmailPattern();
}

/// <summary>One data row of a directory CSV: its trimmed cells by column name, and errors recorded against its line and columns.</summary>
internal sealed class DirectoryCsvRow(CsvRecord record, IReadOnlyDictionary<string, int> at, List<AgencyCsvError> errors)
{
    // A cell with a line break or markup is reported once, not again as "empty" or "invalid" by the checks that follow.
    private readonly HashSet<string> unreadable = new(StringComparer.Ordinal);

    public int Line => record.Line;

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

    /// <summary>A region path (省/市/县/乡, '/'-separated, parts trimmed); null after recording an error.</summary>
    public string? RegionPath(string column)
    {
        var text = Text(column);
        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        if (text.Length == 0 || parts.Any(p => p.Length == 0) || parts.Length > DirectoryCsvTable.MaxRegionParts)
        {
            Error(column, $"地区「{text}」应为用“/”分隔的 1–{DirectoryCsvTable.MaxRegionParts} 级地名（省/市/县/乡），如 浙江省/金华市/兰溪市，各级均不能为空");
            return null;
        }

        return string.Join('/', parts);
    }

    /// <summary>The addresses of one column, lower-cased and de-duplicated in order; null after recording an error.</summary>
    public List<string>? Emails(string column)
    {
        var emails = new List<string>();
        var valid = true;
        // ';' as the header documents; the full-width '；' a Chinese input method types is the same separator.
        foreach (var item in Cell(column).Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (item.Length > 254 || !DirectoryCsvTable.EmailPattern().IsMatch(item))
            {
                Error(column, $"「{item}」不是有效的邮箱地址（多个地址用分号“;”分隔）");
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
