namespace PublishPipeline.Site.Model;

/// <summary>
/// Where an agency sits: 1–4 levels (省/市/县/乡), as the agency directory writes them ("浙江省/金华市/兰溪市").
/// Region pages and the year pages' split follow these levels. The empty path is the whole country.
/// </summary>
public sealed record RegionPath : IComparable<RegionPath>
{
    public static RegionPath Root { get; } = new([]);

    public RegionPath(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = names;
        Key = string.Join('/', names);
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The names joined with '/', as the directory stores them; "" for the root.</summary>
    public string Key { get; }

    public int Depth => Names.Count;

    public bool IsRoot => Names.Count == 0;

    /// <summary>The last level's name ("兰溪市"), or "全国" for the root.</summary>
    public string Name => Names.Count == 0 ? "全国" : Names[^1];

    public RegionPath Parent => Names.Count == 0 ? this : new RegionPath(Names.Take(Names.Count - 1).ToArray());

    /// <summary>This path cut to at most <paramref name="depth"/> levels.</summary>
    public RegionPath Truncate(int depth) => depth >= Names.Count ? this : new RegionPath(Names.Take(depth).ToArray());

    public RegionPath Child(string name) => new([.. Names, name]);

    /// <summary>Whether <paramref name="other"/> is this region or lies inside it.</summary>
    public bool Contains(RegionPath other) =>
        other.Names.Count >= Names.Count && Names.Select((n, i) => other.Names[i] == n).All(x => x);

    /// <summary>Parses a directory region ("浙江省/金华市/兰溪市"); blank parts are dropped; null or blank is the root.</summary>
    public static RegionPath Parse(string? key) =>
        string.IsNullOrWhiteSpace(key)
            ? Root
            : new RegionPath(key.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public bool Equals(RegionPath? other) => other is not null && other.Key == Key;

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    public int CompareTo(RegionPath? other) => string.CompareOrdinal(Key, other?.Key);

    public override string ToString() => Key;
}
