using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PublishPipeline.Reports;
using PublishPipeline.Storage;

namespace PublishPipeline.Site;

/// <summary>Writes pages, data files and assets into the <c>$web</c> container and keeps the published index.</summary>
public sealed class SitePublisher(PipelineStorage storage, SiteRenderer renderer, TimeProvider clock)
{
    private const string HtmlType = "text/html; charset=utf-8";

    /// <summary>Writes the report page and its open-data JSON, then records the report as live.</summary>
    public async Task PublishReportAsync(ReportPageModel model, CancellationToken cancellationToken = default)
    {
        var year = model.Document.Report.Year ?? throw new InvalidOperationException("a report without a year cannot be published");

        // A report replacing another live version of itself is a correction: the page keeps the first publication date.
        var live = await storage.Published.GetEntityIfExistsAsync<PublishedEntry>(
            year.ToString(System.Globalization.CultureInfo.InvariantCulture), model.AgencyId, cancellationToken: cancellationToken);
        if (live.HasValue && live.Value!.SubmissionId != model.SubmissionId)
        {
            model = model with { FirstPublishedAt = live.Value.FirstPublishedAt ?? live.Value.PublishedAt };
        }
        else if (live.HasValue)
        {
            model = model with { FirstPublishedAt = live.Value!.FirstPublishedAt };
        }

        var html = await renderer.RenderReportAsync(model, cancellationToken);
        await UploadAsync(SitePaths.ReportPage(year, model.AgencyId), Encoding.UTF8.GetBytes(html), HtmlType, cancellationToken);
        await UploadAsync(SitePaths.ReportData(year, model.AgencyId), ReportJson.SerializeToUtf8(model.Document), "application/json; charset=utf-8", cancellationToken);
        await storage.Published.UpsertEntityAsync(
            new PublishedEntry
            {
                PartitionKey = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                RowKey = model.AgencyId,
                AgencyName = model.AgencyName,
                Title = model.Document.Report.Title ?? $"{year}年{model.AgencyName}政府信息公开工作年度报告",
                Template = model.Document.Report.Template,
                SubmissionId = model.SubmissionId,
                PublishedAt = model.PublishedAt,
                FirstPublishedAt = model.FirstPublishedAt,
            },
            Azure.Data.Tables.TableUpdateMode.Replace,
            cancellationToken);
    }

    /// <summary>
    /// Takes a report's page and data off the site and out of the index, but only while the live entry is still
    /// <paramref name="submissionId"/>'s (a later version may have gone live since). Returns whether anything was removed.
    /// </summary>
    public async Task<bool> UnpublishReportAsync(int year, string agencyId, string submissionId, CancellationToken cancellationToken = default)
    {
        var partition = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entry = await storage.Published.GetEntityIfExistsAsync<PublishedEntry>(partition, agencyId, cancellationToken: cancellationToken);
        if (!entry.HasValue || entry.Value!.SubmissionId != submissionId)
        {
            return false;
        }

        await storage.Web.GetBlobClient(SitePaths.ReportPage(year, agencyId)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        await storage.Web.GetBlobClient(SitePaths.ReportData(year, agencyId)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        try
        {
            await storage.Published.DeleteEntityAsync(partition, agencyId, entry.Value.ETag, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Removed, or replaced by a newer version, meanwhile: nothing of this version is left to take down.
        }

        return true;
    }

    /// <summary>Rebuilds the home page from the published index, and the shared assets.</summary>
    public async Task RebuildIndexesAsync(CancellationToken cancellationToken = default)
    {
        var entries = new List<Model.SiteReport>();
        await foreach (var entry in storage.Published.QueryAsync<PublishedEntry>(cancellationToken: cancellationToken))
        {
            entries.Add(entry.ToSiteReport());
        }

        _ = clock;
        var home = await renderer.RenderHomeAsync(new HomePageModel(entries, []), cancellationToken);
        await UploadAsync(SitePaths.Home, Encoding.UTF8.GetBytes(home), HtmlType, cancellationToken);
        foreach (var (path, (content, contentType)) in SiteRenderer.StaticAssets)
        {
            await UploadAsync(path, content, contentType, cancellationToken);
        }
    }

    private async Task UploadAsync(string path, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        BlobClient blob = storage.Web.GetBlobClient(path);
        await blob.UploadAsync(
            BinaryData.FromBytes(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType, CacheControl = "public, max-age=300" } },
            cancellationToken);
    }
}
