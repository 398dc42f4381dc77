using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using PublishPipeline.Storage;

namespace PublishPipeline.Submissions;

/// <summary>The agency directory (an Azure Table), and its import from CSV (<see cref="AgencyCsv"/>).</summary>
public sealed partial class AgencyDirectory
{
    /// <summary>The most operations one table transaction (entity group transaction) may hold.</summary>
    private const int TransactionLimit = 100;

    private readonly TableClient table;

    public AgencyDirectory(PipelineStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        table = storage.Agencies;
    }

    private AgencyDirectory(TableClient table) => this.table = table;

    /// <summary>
    /// A directory over one table, for tools that reach only the Table service (<c>pubpipe agencies</c> with
    /// <c>--table-endpoint</c>). A factory, not a constructor, so dependency injection keeps choosing the one above.
    /// </summary>
    public static AgencyDirectory ForTable(TableClient table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new AgencyDirectory(table);
    }

    public static bool IsValidId(string? id) => id is not null && AgencyIdPattern().IsMatch(id);

    public async Task<Agency?> GetAsync(string agencyId, CancellationToken cancellationToken = default)
    {
        if (!IsValidId(agencyId))
        {
            return null;
        }

        var response = await table.GetEntityIfExistsAsync<Agency>(Agency.PartitionKeyValue, agencyId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Every agency, in id order.</summary>
    public async Task<IReadOnlyList<Agency>> ListAsync(CancellationToken cancellationToken = default)
    {
        var agencies = new List<Agency>();
        await foreach (var agency in table.QueryAsync<Agency>(a => a.PartitionKey == Agency.PartitionKeyValue, cancellationToken: cancellationToken))
        {
            agencies.Add(agency);
        }

        return [.. agencies.OrderBy(a => a.Id, StringComparer.Ordinal)];
    }

    /// <summary>Adds or replaces one agency; one whose text holds markup is refused (<see cref="AgencyText"/>).</summary>
    public Task UpsertAsync(Agency agency, CancellationToken cancellationToken = default)
    {
        AgencyText.EnsureClean(agency);
        return table.UpsertEntityAsync(agency, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Creates the table when it does not exist (in Azure the Bicep deployment creates it; a fresh Azurite does not).</summary>
    public async Task EnsureTableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Created concurrently: fine.
        }
    }

    /// <summary>
    /// Adds or replaces the given agencies (by id) and leaves the others alone. Only changed agencies are written, in
    /// transactions of up to 100, so a failure leaves each batch either fully written or not at all and a rerun
    /// completes the import. An agency whose text holds markup (<see cref="AgencyText"/>) fails the whole call before
    /// anything is written.
    /// </summary>
    public async Task<AgencyImportResult> ImportAsync(IReadOnlyCollection<Agency> agencies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        var duplicate = agencies.GroupBy(a => a.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"agency {duplicate.Key} appears more than once", nameof(agencies));
        }

        // Checked before anything is written: an import is all or nothing, as the CSV's is.
        foreach (var agency in agencies)
        {
            AgencyText.EnsureClean(agency);
        }

        var existing = (await ListAsync(cancellationToken)).ToDictionary(a => a.Id, StringComparer.Ordinal);
        int added = 0, updated = 0, unchanged = 0;
        var changes = new List<TableTransactionAction>();
        foreach (var agency in agencies)
        {
            if (!existing.TryGetValue(agency.Id, out var current))
            {
                added++;
            }
            else if (SameEntry(current, agency))
            {
                unchanged++;
                continue;
            }
            else
            {
                updated++;
            }

            changes.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, agency));
        }

        foreach (var batch in changes.Chunk(TransactionLimit))
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }

        return new AgencyImportResult(added, updated, unchanged);
    }

    /// <summary>
    /// Loads agencies from CSV (the format <see cref="AgencyCsv"/> reads). Every row is checked before any is
    /// written; on an error nothing is written and an <see cref="AgencyCsvException"/> lists each error by line and column.
    /// </summary>
    /// <returns>How many agencies the file holds (added, updated or unchanged).</returns>
    public async Task<int> ImportCsvAsync(TextReader csv, CancellationToken cancellationToken = default)
    {
        var agencies = ParseCsv(csv);
        var result = await ImportAsync(agencies, cancellationToken);
        return result.Total;
    }

    /// <summary>The agencies of a CSV, or an <see cref="AgencyCsvException"/> (a <see cref="FormatException"/>) listing every error.</summary>
    public static List<Agency> ParseCsv(TextReader csv)
    {
        var result = AgencyCsv.Read(csv);
        return result.IsValid ? [.. result.Agencies] : throw new AgencyCsvException(result.Errors);
    }

    // Every property Agency stores besides its keys: a property added there belongs here too.
    private static bool SameEntry(Agency a, Agency b) =>
        a.Name == b.Name && a.Region == b.Region && a.Level == b.Level && a.SupervisingOffice == b.SupervisingOffice
        && a.Submitters == b.Submitters && a.Reviewers == b.Reviewers && a.AutoPublish == b.AutoPublish;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$")]
    private static partial Regex AgencyIdPattern();
}
