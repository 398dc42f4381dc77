using PublishPipeline.Site.Model;

namespace PublishPipeline.Site.Build;

/// <summary>
/// Where an agency that is not in the directory probably sits, from its name alone: a leading provincial-level name
/// (one of China's 34 provincial-level divisions, in full: "浙江省", "北京市", "广西壮族自治区", "香港特别行政区"), then,
/// right after it, a prefecture-level name ending in 市, 州, 盟 or 地区 ("浙江省金华市财政局" → 浙江省/金华市) — or, in a
/// municipality, a district or county ending in 区 or 县 ("北京市海淀区…" → 北京市/海淀区). Anything else is the root
/// (the whole country): a name such as "金华市财政局" does not say its province, and a wrong guess would be worse than
/// none. The directory (<c>--agencies</c>) is the real source; this keeps a folder build of bare reports browsable.
/// </summary>
public static class RegionGuess
{
    /// <summary>China's 34 provincial-level divisions, as their full names begin an agency's name.</summary>
    public static IReadOnlyList<string> Provinces { get; } =
    [
        "北京市", "天津市", "上海市", "重庆市",
        "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省",
        "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省",
        "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
        "香港特别行政区", "澳门特别行政区",
    ];

    private static readonly string[] Municipalities = ["北京市", "天津市", "上海市", "重庆市"];

    private static readonly string[] PrefectureEndings = ["市", "州", "盟", "地区"];

    private static readonly string[] DistrictEndings = ["区", "县"];

    // Words that end like a place but are not one ("浙江省城市管理局"): a guessed level must not be one of them.
    private static readonly string[] NotPlaces = ["城市", "城区", "市区", "地区", "社区", "园区", "新区", "景区", "辖区", "矿区", "牧区", "山区", "湖区", "郊区"];

    /// <summary>The longest name a prefecture-level division has ("恩施土家族苗族自治州" is 10).</summary>
    private const int MaxPlaceLength = 11;

    public static RegionPath FromAgencyName(string? agencyName)
    {
        if (string.IsNullOrWhiteSpace(agencyName))
        {
            return RegionPath.Root;
        }

        var name = agencyName.Trim();
        var province = Provinces.FirstOrDefault(p => name.StartsWith(p, StringComparison.Ordinal));
        if (province is null)
        {
            return RegionPath.Root;
        }

        var rest = name.AsSpan(province.Length);
        var endings = Municipalities.Contains(province) ? DistrictEndings : PrefectureEndings;
        // The shortest prefix that ends like a place: "金华市财政局" → "金华市", never "金华市财政局…市".
        for (var length = 2; length <= Math.Min(MaxPlaceLength, rest.Length - 1); length++)
        {
            var candidate = rest[..length].ToString();
            if (endings.Any(e => candidate.EndsWith(e, StringComparison.Ordinal) && candidate.Length > e.Length)
                && !NotPlaces.Any(w => candidate.EndsWith(w, StringComparison.Ordinal) && candidate.Length == w.Length)
                && !candidate.Contains("人民", StringComparison.Ordinal))
            {
                return new RegionPath([province, candidate]);
            }
        }

        return new RegionPath([province]);
    }
}
