using System.Text;
using PublishPipeline.Reports;
using PublishPipeline.Site;

namespace PublishPipeline.IntegrationTests.Site.Fixture;

/// <summary>TEMPORARY stand-in until the folder builder lands: renders the report pages and home only.</summary>
public static class TestSiteBuild
{
    public static async Task RunAsync(string input, string agenciesCsv, string output, string baseUrl, CancellationToken cancellationToken)
    {
        _ = agenciesCsv;
        _ = baseUrl;
        var renderer = new SiteRenderer();
        Directory.CreateDirectory(output);
        foreach (var key in TestSitePlan.LiveReports)
        {
            var document = ReportJson.Deserialize(File.ReadAllBytes(Path.Combine(input, key.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), key.AgencyId + ".json")));
            var html = await renderer.RenderReportAsync(new ReportPageModel(document, key.AgencyId, TestSitePlan.Agency(key.AgencyId).Name, TestSitePlan.PublishedAt(key), "x"), cancellationToken);
            var path = Path.Combine(output, SitePaths.ReportPage(key.Year, key.AgencyId));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, html, Encoding.UTF8, cancellationToken);
        }

        foreach (var (path, asset) in SiteRenderer.StaticAssets)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(output, path))!);
            await File.WriteAllBytesAsync(Path.Combine(output, path), asset.Content, cancellationToken);
        }
    }
}
