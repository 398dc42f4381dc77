using System.Globalization;
using System.Text;
using PublishPipeline.Site.Model;

namespace PublishPipeline.Site.Live;

/// <summary>
/// The partitions of the live site's index table. Each index page of the site is derived from ONE partition (or a few
/// bounded by geography and years, never by the number of reports): that is what lets a publication rewrite only the
/// pages that list it, and lets a page be re-derived at write time under its blob's ETag.
/// <list type="bullet">
/// <item><c>a~{agency}</c> / year: the agency's live report of that year (agency page, previous-year comparison).</item>
/// <item><c>y~{year}~{city}</c> / agency: the year's reports listed under one city-level region (the city's year page).</item>
/// <item><c>s~{year}~{parent}</c> / child: the sum of a child region's reports in a year (the parent's year page).</item>
/// <item><c>years</c> / year: the whole year's sum and counts (home, /reports/).</item>
/// <item><c>latest</c> / inverted time~agency~year: live reports by publication time (home, feed).</item>
/// <item><c>r~{region}</c> / agency: agencies sitting exactly at a region, with their years (region pages).</item>
/// <item><c>c~{region}</c> / child: a region's child regions (region pages).</item>
/// <item><c>g~{city}</c> / agency: every agency inside a city-level region (its sitemap).</item>
/// <item><c>m~sitemaps</c> / sitemap path: which sitemaps exist (the sitemap index).</item>
/// <item><c>u~{region}</c> / year: a supervised region's roll-up of a year: when its reports last changed, when it was
/// last built, whether it is on the site (the roll-up debounce; the region page's links).</item>
/// <item><c>v~{year}~{scope}</c> / region: the roll-ups on the site that a year page links (<see cref="SitePaths.RollupListedAt"/>).</item>
/// <item><c>search</c> / <c>state</c>: when the site last changed and when search was last indexed (the debounce).</item>
/// </list>
/// Region names go into keys escaped: '/', '\', '#', '?', '%', '~' and control characters are not allowed there.
/// </summary>
public static class SiteIndexKeys
{
    public const string YearsPartition = "years";

    public const string LatestPartition = "latest";

    public const string SitemapsPartition = "m~sitemaps";

    public const string SearchPartition = "search";

    public const string SearchRow = "state";

    public static string Agency(string agencyId) => "a~" + agencyId;

    public static string YearRow(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    public static string Listing(int year, RegionPath cityLevel) => $"y~{YearRow(year)}~{Encode(cityLevel.Key)}";

    public static string Summaries(int year, RegionPath parent) => $"s~{YearRow(year)}~{Encode(parent.Key)}";

    public static string RegionAgencies(RegionPath region) => "r~" + Encode(region.Key);

    public static string RegionChildren(RegionPath region) => "c~" + Encode(region.Key);

    public static string Rollups(RegionPath region) => "u~" + Encode(region.Key);

    public static string YearRollups(int year, RegionPath scope) => $"v~{YearRow(year)}~{Encode(scope.Key)}";

    public static string CityAgencies(RegionPath cityLevel) => "g~" + Encode(cityLevel.Key);

    public static string Latest(DateTimeOffset publishedAt, string agencyId, int year) =>
        $"{DateTimeOffset.MaxValue.UtcTicks - publishedAt.UtcTicks:D19}~{agencyId}~{YearRow(year)}";

    /// <summary>Escapes what table keys forbid (and our separator '~') as %XX; Chinese stays as it is.</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' or '~' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Decode(string value) => Uri.UnescapeDataString(value);
}
