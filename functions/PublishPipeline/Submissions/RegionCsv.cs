namespace PublishPipeline.Submissions;

/// <summary>
/// The supervised regions as CSV (RFC 4180, UTF-8 with or without BOM), header <c>id,name,region,office,supervisors</c>
/// in any order (other columns are ignored), supervisors ';'-separated. Checked as strictly as the agency directory
/// (<see cref="AgencyCsv"/>), whose error type it shares: every error with its line and column, nothing imported from
/// a file with any error.
/// </summary>
public static class RegionCsv
{
    public const string IdColumn = "id";
    public const string NameColumn = "name";
    public const string RegionColumn = "region";
    public const string OfficeColumn = "office";
    public const string SupervisorsColumn = "supervisors";

    public static IReadOnlyList<string> Columns { get; } = [IdColumn, NameColumn, RegionColumn, OfficeColumn, SupervisorsColumn];

    /// <summary>Reads a file's bytes: UTF-8 (a BOM is allowed); other encodings are refused with the line of the first bad byte.</summary>
    public static RegionCsvResult Read(ReadOnlySpan<byte> content) =>
        DirectoryCsvTable.Decode(content, out var refused) is { } text ? Read(text) : new RegionCsvResult([], [refused!]);

    public static RegionCsvResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var table = DirectoryCsvTable.Open(text, Columns, "地区名录");
        if (table.Errors.Count > 0)
        {
            return new RegionCsvResult([], table.Errors);
        }

        var regions = new List<SupervisedRegion>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstLineOfPath = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var errorsBefore = row.ErrorCount;
            var id = row.Cell(IdColumn);
            if (!AgencyDirectory.IsValidId(id))
            {
                row.Error(IdColumn, id.Length == 0
                    ? "地区编号不能为空"
                    : $"地区编号「{id}」无效（2–64 个字符，只能包含小写字母、数字和连字符，且不以连字符开头或结尾）");
            }
            else if (firstLineOfId.TryGetValue(id, out var first))
            {
                row.Error(IdColumn, $"地区编号「{id}」与第 {first} 行重复");
            }

            var name = row.Text(NameColumn);
            if (name.Length == 0)
            {
                row.Error(NameColumn, "地区名称不能为空");
            }

            var path = row.RegionPath(RegionColumn);
            if (path is not null && firstLineOfPath.TryGetValue(path, out var samePath))
            {
                row.Error(RegionColumn, $"地区「{path}」与第 {samePath} 行重复：一个地区只登记一次，督导人员写在同一行");
            }

            var office = row.Text(OfficeColumn);
            if (office.Length == 0)
            {
                row.Error(OfficeColumn, "政务公开办（督导机关）名称不能为空");
            }

            var supervisors = row.Emails(SupervisorsColumn);
            if (supervisors is { Count: 0 })
            {
                row.Error(SupervisorsColumn, "至少需要一个督导人员邮箱");
            }

            if (row.ErrorCount > errorsBefore)
            {
                continue;
            }

            firstLineOfId[id] = row.Line;
            firstLineOfPath[path!] = row.Line;
            regions.Add(new SupervisedRegion
            {
                RowKey = id,
                Name = name,
                Region = path!,
                Office = office,
                Supervisors = string.Join(';', supervisors!),
            });
        }

        return table.Errors.Count == 0 ? new RegionCsvResult(regions, []) : new RegionCsvResult([], table.Errors);
    }

    /// <summary>Writes regions in the format <see cref="Read(string)"/> reads (CRLF line ends).</summary>
    public static void Write(IEnumerable<SupervisedRegion> regions, TextWriter csv)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(csv);
        csv.Write(string.Join(',', Columns) + "\r\n");
        foreach (var region in regions)
        {
            string[] fields = [region.Id, region.Name, region.Region, region.Office, string.Join(';', region.SupervisorEmails)];
            csv.Write(string.Join(',', fields.Select(CsvRecords.Quote)) + "\r\n");
        }
    }
}

/// <summary>What a supervised-region CSV holds: the regions (normalised) when <see cref="Errors"/> is empty.</summary>
public sealed record RegionCsvResult(IReadOnlyList<SupervisedRegion> Regions, IReadOnlyList<AgencyCsvError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
