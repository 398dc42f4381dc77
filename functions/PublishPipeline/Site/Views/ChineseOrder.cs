using System.Collections.Concurrent;
using System.Globalization;

namespace PublishPipeline.Site.Views;

/// <summary>
/// The order Chinese readers expect for agency and region names (pinyin, as the zh-CN collation gives), made total by
/// the ordinal name and then an id, so the same set of entries in any input order gives the same page bytes.
/// ICU comparisons are slow enough to matter on a city page of 1,500 reports: each name's sort key is computed once
/// and compared as bytes.
/// </summary>
internal static class ChineseOrder
{
    private const int MaxCachedKeys = 200_000;

    private static readonly CompareInfo Collation = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;
    private static readonly ConcurrentDictionary<string, byte[]> Keys = new(StringComparer.Ordinal);

    public static int Compare(string a, string b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        var byCollation = Key(a).AsSpan().SequenceCompareTo(Key(b));
        return byCollation != 0 ? Math.Sign(byCollation) : string.CompareOrdinal(a, b);
    }

    /// <summary>The items sorted by name in collation order, then by id (ordinal), as a new array.</summary>
    public static T[] Sort<T>(IEnumerable<T> items, Func<T, string> name, Func<T, string> id)
    {
        var sorted = items.ToArray();
        Array.Sort(sorted, (x, y) =>
        {
            var byName = Compare(name(x), name(y));
            return byName != 0 ? byName : string.CompareOrdinal(id(x), id(y));
        });
        return sorted;
    }

    private static byte[] Key(string name)
    {
        if (Keys.TryGetValue(name, out var key))
        {
            return key;
        }

        key = Collation.GetSortKey(name, CompareOptions.None).KeyData;
        if (Keys.Count < MaxCachedKeys)
        {
            Keys.TryAdd(name, key);
        }

        return key;
    }
}
