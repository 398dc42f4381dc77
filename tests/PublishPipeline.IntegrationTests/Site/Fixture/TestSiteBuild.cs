using PublishPipeline.Site.Build;
using PublishPipeline.Site.Search;

namespace PublishPipeline.IntegrationTests.Site.Fixture;

/// <summary>
/// Builds the test site as <c>pubpipe site build --input DIR --out DIR --agencies CSV --base-url URL</c> does, in
/// process: the folder builder, then the search index. Nothing may be left out: every input of the plan is valid.
/// </summary>
public static class TestSiteBuild
{
    public static async Task<SiteBuildResult> RunAsync(string input, string agenciesCsv, string output, string baseUrl, CancellationToken cancellationToken)
    {
        var (directory, problems) = SiteDirectory.Read(await File.ReadAllBytesAsync(agenciesCsv, cancellationToken));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("the site build refused the test agency directory: " + string.Join("; ", problems));
        }

        // With an API address, as the live site has one: report pages carry the next-year template link, so the HTML,
        // accessibility and link checks below see the pages people get.
        var builder = new FolderSiteBuilder(new SiteBuildOptions { Directory = directory, BaseUrl = new Uri(baseUrl), ApiBaseUrl = new Uri(SiteFixture.ApiBaseUrl) });
        var result = await builder.BuildAsync(input, new DirectoryOutput(output), cancellationToken);
        if (result.LeftOut.Count > 0)
        {
            throw new InvalidOperationException("the site build left out test reports: " + string.Join("; ", result.LeftOut));
        }

        // The repository's node_modules holds the pinned Pagefind (npm ci --ignore-scripts).
        await new PagefindIndexer(PagefindIndexer.FindBinary(SiteFixture.RepoRoot)).IndexAsync(output, cancellationToken);
        return result;
    }
}
