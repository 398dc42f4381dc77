using System.Text.RegularExpressions;
using Azure.Data.Tables;
using PublishPipeline.Storage;

namespace PublishPipeline.Submissions;

/// <summary>The agency directory (an Azure Table), and its import from CSV.</summary>
public sealed partial class AgencyDirectory(PipelineStorage storage)
{
    private static readonly string[] Columns = ["id", "name", "region", "level", "supervising_office", "submitters", "reviewers", "auto_publish"];

    public static bool IsValidId(string? id) => id is not null && AgencyIdPattern().IsMatch(id);

    public async Task<Agency?> GetAsync(string agencyId, CancellationToken cancellationToken = default)
    {
        if (!IsValidId(agencyId))
        {
            return null;
        }

        var response = await storage.Agencies.GetEntityIfExistsAsync<Agency>(Agency.PartitionKeyValue, agencyId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public Task UpsertAsync(Agency agency, CancellationToken cancellationToken = default) =>
        storage.Agencies.UpsertEntityAsync(agency, TableUpdateMode.Replace, cancellationToken);

    /// <summary>
    /// Loads agencies from CSV (UTF-8, header <c>id,name,region,level,supervising_office,submitters,reviewers,auto_publish</c>;
    /// emails ';'-separated). Every row is checked before any is written; an error names the line.
    /// </summary>
    public async Task<int> ImportCsvAsync(TextReader csv, CancellationToken cancellationToken = default)
    {
        var agencies = ParseCsv(csv);
        foreach (var agency in agencies)
        {
            await UpsertAsync(agency, cancellationToken);
        }

        return agencies.Count;
    }

    public static List<Agency> ParseCsv(TextReader csv)
    {
        var header = csv.ReadLine() ?? throw new FormatException("机构名录为空：第 1 行应为表头 " + string.Join(',', Columns));
        var names = header.TrimStart('\uFEFF').Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var index = Columns.ToDictionary(c => c, c => Array.IndexOf(names, c));
        foreach (var (column, at) in index)
        {
            if (at < 0)
            {
                throw new FormatException($"机构名录第 1 行缺少列「{column}」");
            }
        }

        var agencies = new List<Agency>();
        var lineNumber = 1;
        while (csv.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split(',');
            string Cell(string column) => index[column] < cells.Length ? cells[index[column]].Trim() : "";
            var id = Cell("id");
            if (!IsValidId(id))
            {
                throw new FormatException($"机构名录第 {lineNumber} 行：机构编号「{id}」无效（只能包含小写字母、数字和连字符）");
            }

            var emails = Cell("submitters") + ";" + Cell("reviewers");
            foreach (var email in emails.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!EmailPattern().IsMatch(email))
                {
                    throw new FormatException($"机构名录第 {lineNumber} 行：邮箱地址「{email}」无效");
                }
            }

            agencies.Add(new Agency
            {
                RowKey = id,
                Name = Cell("name"),
                Region = Cell("region"),
                Level = Cell("level"),
                SupervisingOffice = Cell("supervising_office"),
                Submitters = Cell("submitters"),
                Reviewers = Cell("reviewers"),
                AutoPublish = Cell("auto_publish").Equals("true", StringComparison.OrdinalIgnoreCase) || Cell("auto_publish") == "1",
            });
        }

        return agencies;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$")]
    private static partial Regex AgencyIdPattern();

    [GeneratedRegex(@"^[^@\s;,<>""]+@[^@\s;,<>""]+\.[^@\s;,<>""]+$")]
    private static partial Regex EmailPattern();
}
