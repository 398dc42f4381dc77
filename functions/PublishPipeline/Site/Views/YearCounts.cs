namespace PublishPipeline.Site.Views;

internal static class YearCounts
{
    /// <summary>Newest year first; a year given twice keeps its first entry after ordering by counts, so the order is total.</summary>
    public static YearCount[] Newest(IEnumerable<YearCount> years)
    {
        var sorted = years.ToArray();
        Array.Sort(sorted, (x, y) =>
        {
            var byYear = y.Year.CompareTo(x.Year);
            if (byYear != 0)
            {
                return byYear;
            }

            var byReports = x.Reports.CompareTo(y.Reports);
            return byReports != 0 ? byReports : x.Corrections.CompareTo(y.Corrections);
        });
        return sorted;
    }
}
