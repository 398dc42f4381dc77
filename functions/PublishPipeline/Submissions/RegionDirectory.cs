using Azure.Data.Tables;
using PublishPipeline.Storage;

namespace PublishPipeline.Submissions;

/// <summary>
/// The supervised regions (<see cref="SupervisedRegion"/>), kept in the agency directory's table under a partition of
/// their own, and their import from CSV (<see cref="RegionCsv"/>).
/// </summary>
public sealed class RegionDirectory
{
    private const int TransactionLimit = 100;

    private readonly TableClient table;

    public RegionDirectory(PipelineStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        table = storage.Agencies;
    }

    private RegionDirectory(TableClient table) => this.table = table;

    /// <summary>A directory over one table, for tools that reach only the Table service (as <see cref="AgencyDirectory.ForTable"/>).</summary>
    public static RegionDirectory ForTable(TableClient table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new RegionDirectory(table);
    }

    public async Task<SupervisedRegion?> GetAsync(string regionId, CancellationToken cancellationToken = default)
    {
        if (!AgencyDirectory.IsValidId(regionId))
        {
            return null;
        }

        var response = await table.GetEntityIfExistsAsync<SupervisedRegion>(SupervisedRegion.PartitionKeyValue, regionId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Every supervised region, in id order.</summary>
    public async Task<IReadOnlyList<SupervisedRegion>> ListAsync(CancellationToken cancellationToken = default)
    {
        var regions = new List<SupervisedRegion>();
        await foreach (var region in table.QueryAsync<SupervisedRegion>(r => r.PartitionKey == SupervisedRegion.PartitionKeyValue, cancellationToken: cancellationToken))
        {
            regions.Add(region);
        }

        return [.. regions.OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    /// <summary>The regions an agency lies in (its county's, its city's …), in id order.</summary>
    public async Task<IReadOnlyList<SupervisedRegion>> CoveringAsync(Agency agency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agency);
        return [.. (await ListAsync(cancellationToken)).Where(r => r.Covers(agency))];
    }

    /// <summary>The regions the caller supervises (by email, case-insensitively), in id order.</summary>
    public async Task<IReadOnlyList<SupervisedRegion>> SupervisedByAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        return [.. (await ListAsync(cancellationToken)).Where(r => r.SupervisorEmails.Contains(email.Trim(), StringComparer.OrdinalIgnoreCase))];
    }

    /// <summary>
    /// Adds or replaces the given regions (by id) and leaves the others alone, in transactions of up to 100. A region
    /// whose text holds markup is refused before anything is written.
    /// </summary>
    public async Task<AgencyImportResult> ImportAsync(IReadOnlyCollection<SupervisedRegion> regions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var duplicate = regions.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"region {duplicate.Key} appears more than once", nameof(regions));
        }

        foreach (var region in regions)
        {
            foreach (var (field, value) in new[] { (RegionCsv.NameColumn, region.Name), (RegionCsv.RegionColumn, region.Region), (RegionCsv.OfficeColumn, region.Office) })
            {
                if (AgencyText.Problem(value ?? "") is { } problem)
                {
                    throw new ArgumentException($"地区「{region.Id}」的 {field}：{problem}", nameof(regions));
                }
            }
        }

        var existing = (await ListAsync(cancellationToken)).ToDictionary(r => r.Id, StringComparer.Ordinal);
        int added = 0, updated = 0, unchanged = 0;
        var changes = new List<TableTransactionAction>();
        foreach (var region in regions)
        {
            if (!existing.TryGetValue(region.Id, out var current))
            {
                added++;
            }
            else if (current.Name == region.Name && current.Region == region.Region && current.Office == region.Office && current.Supervisors == region.Supervisors)
            {
                unchanged++;
                continue;
            }
            else
            {
                updated++;
            }

            changes.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, region));
        }

        foreach (var batch in changes.Chunk(TransactionLimit))
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }

        return new AgencyImportResult(added, updated, unchanged);
    }

    /// <summary>Loads regions from CSV; on any error nothing is written and an <see cref="AgencyCsvException"/> lists them.</summary>
    public async Task<int> ImportCsvAsync(TextReader csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var result = RegionCsv.Read(await csv.ReadToEndAsync(cancellationToken));
        if (!result.IsValid)
        {
            throw new AgencyCsvException(result.Errors, "地区名录", "地区");
        }

        return (await ImportAsync(result.Regions, cancellationToken)).Total;
    }
}
