using System.Globalization;
using PublishPipeline.Site.Model;

namespace PublishPipeline.Site.Views;

internal static class EarlierVersions
{
    /// <summary>Oldest version first (by number, then dates), whatever order the model gives.</summary>
    public static EarlierVersion[] Oldest(IEnumerable<EarlierVersion> versions)
    {
        var sorted = versions.ToArray();
        Array.Sort(sorted, static (x, y) =>
        {
            var byNumber = x.Version.CompareTo(y.Version);
            if (byNumber != 0)
            {
                return byNumber;
            }

            var byPublished = x.PublishedAt.CompareTo(y.PublishedAt);
            return byPublished != 0 ? byPublished : x.ReplacedAt.CompareTo(y.ReplacedAt);
        });
        return sorted;
    }

    public static string Name(EarlierVersion version) => Name(version.Version);

    public static string Name(int version) => "第" + version.ToString(CultureInfo.InvariantCulture) + "版";
}
