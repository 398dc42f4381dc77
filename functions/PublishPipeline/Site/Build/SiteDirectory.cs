using System.Text;
using PublishPipeline.Site.Model;
using PublishPipeline.Submissions;

namespace PublishPipeline.Site.Build;

/// <summary>
/// The agency directory as the public site needs it: id, name, region and level of each agency. Reads the directory's
/// CSV (<see cref="AgencyCsv"/>'s format) but only those four columns are required, so a directory exported for the
/// site alone (no mail addresses) builds too; rows whose id is not a valid agency id or whose name is blank are
/// reported and skipped, and a later row with an id already seen is reported and skipped.
/// </summary>
public sealed class SiteDirectory
{
    private readonly Dictionary<string, SiteAgency> byId;
    private readonly Dictionary<string, SiteAgency> byName;

    public SiteDirectory(IEnumerable<SiteAgency> agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        byId = new Dictionary<string, SiteAgency>(StringComparer.Ordinal);
        byName = new Dictionary<string, SiteAgency>(StringComparer.Ordinal);
        foreach (var agency in agencies)
        {
            if (byId.TryAdd(agency.Id, agency))
            {
                // Two agencies of one name (rare, in different regions) cannot be told apart by a report's name alone:
                // the first keeps the name, the other is reached only through a publication member's agency_id.
                byName.TryAdd(NameKey(agency.Name), agency);
            }
        }
    }

    public static SiteDirectory Empty { get; } = new([]);

    public IReadOnlyCollection<SiteAgency> Agencies => byId.Values;

    public SiteAgency? ById(string? id) => id is not null && byId.TryGetValue(id, out var agency) ? agency : null;

    /// <summary>The agency whose name is <paramref name="name"/> (spaces, including full-width ones, ignored).</summary>
    public SiteAgency? ByName(string? name) => name is not null && byName.TryGetValue(NameKey(name), out var agency) ? agency : null;

    /// <summary>Reads the CSV; problems are one line each (line number and what is wrong), in file order.</summary>
    public static (SiteDirectory Directory, IReadOnlyList<string> Problems) Read(ReadOnlySpan<byte> content)
    {
        var problems = new List<string>();
        if (content.StartsWith(Encoding.UTF8.Preamble))
        {
            content = content[Encoding.UTF8.Preamble.Length..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(content))
        {
            problems.Add("机构名录不是 UTF-8 编码");
            return (Empty, problems);
        }

        var records = CsvRecords.Parse(Encoding.UTF8.GetString(content));
        if (records.Count == 0 || records[0].IsBlank || records[0].Error is not null)
        {
            problems.Add("机构名录第 1 行应为表头（至少含 id,name,region）");
            return (Empty, problems);
        }

        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => header.IndexOf(name);
        int id = Column(AgencyCsv.IdColumn), name = Column(AgencyCsv.NameColumn), region = Column(AgencyCsv.RegionColumn), level = Column(AgencyCsv.LevelColumn);
        if (id < 0 || name < 0 || region < 0)
        {
            problems.Add("机构名录的表头缺少 id、name 或 region 列");
            return (Empty, problems);
        }

        var agencies = new List<SiteAgency>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records.Skip(1))
        {
            if (record.IsBlank)
            {
                continue;
            }

            string Cell(int at) => at >= 0 && at < record.Fields.Count ? record.Fields[at].Trim() : "";
            var agencyId = Cell(id);
            var agencyName = Cell(name);
            if (record.Error is not null)
            {
                problems.Add($"机构名录第 {record.Line} 行：{record.Error}");
            }
            else if (!AgencyDirectory.IsValidId(agencyId))
            {
                problems.Add($"机构名录第 {record.Line} 行：机构编号「{agencyId}」无效，已跳过");
            }
            else if (agencyName.Length == 0)
            {
                problems.Add($"机构名录第 {record.Line} 行：机构名称为空，已跳过");
            }
            else if (!seen.Add(agencyId))
            {
                problems.Add($"机构名录第 {record.Line} 行：机构编号「{agencyId}」重复，已跳过");
            }
            else
            {
                var agencyLevel = Cell(level);
                agencies.Add(new SiteAgency(agencyId, agencyName, RegionPath.Parse(Cell(region)), agencyLevel.Length == 0 ? null : agencyLevel));
            }
        }

        return (new SiteDirectory(agencies), problems);
    }

    private static string NameKey(string name) =>
        string.Concat(name.Where(c => !char.IsWhiteSpace(c)));
}
