using PublishPipeline.Site.Model;

namespace PublishPipeline.Site.Views;

/// <summary>
/// The reports of a year page in the groups it lists them under: the scope's own agencies first (Region null), then
/// one group per sub-region of the scope (a city page's counties) in collation order; agencies in each in collation order.
/// </summary>
internal sealed record ReportGroup(RegionPath? Region, List<SiteReport> Reports)
{
    public static List<ReportGroup> Arrange(RegionPath scope, IEnumerable<SiteReport> reports)
    {
        var own = new List<SiteReport>();
        var byRegion = new Dictionary<string, ReportGroup>(StringComparer.Ordinal);
        foreach (var report in ReportOrder.ByAgency(reports))
        {
            if (report.Region.Depth <= scope.Depth || !scope.Contains(report.Region))
            {
                own.Add(report);
                continue;
            }

            var name = report.Region.Names[scope.Depth];
            if (!byRegion.TryGetValue(name, out var group))
            {
                group = new ReportGroup(scope.Child(name), []);
                byRegion.Add(name, group);
            }

            group.Reports.Add(report);
        }

        var groups = new List<ReportGroup>(byRegion.Count + 1);
        if (own.Count > 0)
        {
            groups.Add(new ReportGroup(null, own));
        }

        groups.AddRange(ChineseOrder.Sort(byRegion.Values, g => g.Region!.Name, g => g.Region!.Key));
        return groups;
    }
}
