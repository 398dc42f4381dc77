namespace PublishPipeline.Addresses;

/// <summary>
/// The absolute addresses the pipeline hands out: report pages on the public site, and the API's submission status,
/// preview and upload addresses (links in emails, the submission record, the site's feed and sitemaps). Built from
/// the two configured base URLs; the paths come from <see cref="ReportAddress"/> and <see cref="SubmissionPaths"/>, the
/// same ones the site and the API serve, so a link and its page cannot drift apart.
/// </summary>
public sealed class PublicUrls
{
    private readonly string site;
    private readonly string api;

    public PublicUrls(string siteBaseUrl, string apiBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(siteBaseUrl);
        ArgumentNullException.ThrowIfNull(apiBaseUrl);
        site = siteBaseUrl.TrimEnd('/');
        api = apiBaseUrl.TrimEnd('/');
    }

    /// <summary>The public site's root, with a trailing slash (absolute URLs in the feed and sitemaps resolve against it).</summary>
    public Uri SiteRoot => new(site + "/");

    /// <summary>The public address of a report page.</summary>
    public string ReportPage(int year, string agencyId) => site + ReportAddress.Path(year, agencyId);

    /// <summary>Where a submitter or reviewer follows a submission (a page for browsers, JSON for programs).</summary>
    public string SubmissionStatus(string submissionId) => api + SubmissionPaths.Status(submissionId);

    /// <summary>The private preview of a submission's page.</summary>
    public string SubmissionPreview(string submissionId) => api + SubmissionPaths.Preview(submissionId);

    /// <summary>An agency's pre-filled Word template for a year (the public report page links it for the agency's staff).</summary>
    public string AgencyTemplate(string agencyId, int year) => api + SubmissionPaths.AgencyTemplate(agencyId, year);

    /// <summary>A region's supervisor board for a report year.</summary>
    public string RegionBoard(string regionId, int year) => api + RegionPaths.Board(regionId, year);

    /// <summary>One of the board's downloads (<see cref="RegionPaths.CsvFormat"/>, <see cref="RegionPaths.RollupWordFormat"/> …).</summary>
    public string RegionBoardAs(string regionId, int year, string format) => api + RegionPaths.BoardAs(regionId, year, format);

    /// <summary>The same board as CSV.</summary>
    public string RegionBoardCsv(string regionId, int year) => api + RegionPaths.BoardCsv(regionId, year);

    /// <summary>Where an agency uploads.</summary>
    public string Submit() => api + SubmissionPaths.Drafts;
}
