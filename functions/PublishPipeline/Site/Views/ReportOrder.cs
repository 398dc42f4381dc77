using PublishPipeline.Site.Model;

namespace PublishPipeline.Site.Views;

/// <summary>The orders in which pages list reports; each is total, so any input order gives the same bytes.</summary>
internal static class ReportOrder
{
    /// <summary>Agency name (collation), then agency id, then year (newest first).</summary>
    public static SiteReport[] ByAgency(IEnumerable<SiteReport> reports)
    {
        var sorted = reports.ToArray();
        Array.Sort(sorted, CompareByAgency);
        return sorted;
    }

    /// <summary>Newest publication first; reports published at the same instant in agency order.</summary>
    public static SiteReport[] Newest(IEnumerable<SiteReport> reports)
    {
        var sorted = reports.ToArray();
        Array.Sort(sorted, (x, y) =>
        {
            var byTime = y.PublishedAt.CompareTo(x.PublishedAt);
            return byTime != 0 ? byTime : CompareByAgency(x, y);
        });
        return sorted;
    }

    private static int CompareByAgency(SiteReport x, SiteReport y)
    {
        var byName = ChineseOrder.Compare(x.AgencyName, y.AgencyName);
        if (byName != 0)
        {
            return byName;
        }

        var byId = string.CompareOrdinal(x.AgencyId, y.AgencyId);
        return byId != 0 ? byId : y.Year.CompareTo(x.Year);
    }
}
