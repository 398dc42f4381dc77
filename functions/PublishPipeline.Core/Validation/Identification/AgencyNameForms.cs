using System.Text.RegularExpressions;

namespace PublishPipeline.Validation.Identification;

/// <summary>
/// The ways a report legitimately prints its agency's registered name: without the higher regions in front
/// (浑南区民族和宗教事务局 for 沈阳市浑南区民族和宗教事务局), with 人民政府 between the district and a 街道 or 乡镇
/// (铁东区人民政府四马路街道办事处), a 街道办事处 as 街道, and the usual abbreviations of a body's name (上海市科委 for
/// 上海市科学技术委员会). A department keeps at least its own region, so another county's bureau of the same name
/// (义乌市文化和旅游局 for 兰溪市文化和旅游局) is never one of them; a 街道 or 乡镇 carries its own place name.
/// </summary>
public static partial class AgencyNameForms
{
    private static readonly (string Full, string Short)[] Abbreviations =
    [
        ("科学技术委员会", "科委"),
        ("科学技术局", "科技局"),
        ("科学技术厅", "科技厅"),
        ("发展和改革委员会", "发改委"),
        ("发展和改革局", "发改局"),
        ("人力资源和社会保障局", "人社局"),
        ("人力资源和社会保障厅", "人社厅"),
        ("住房和城乡建设局", "住建局"),
        ("住房和城乡建设厅", "住建厅"),
        ("住房和城乡建设委员会", "住建委"),
        ("文化和旅游局", "文旅局"),
        ("文化和旅游厅", "文旅厅"),
        ("文化广电和旅游局", "文广旅局"),
        ("民族和宗教事务局", "民宗局"),
        ("民族宗教事务局", "民宗局"),
        ("民族和宗教事务委员会", "民宗委"),
        ("市场监督管理局", "市场监管局"),
        ("卫生健康委员会", "卫健委"),
        ("卫生和健康委员会", "卫健委"),
        ("教育委员会", "教委"),
        ("经济和信息化局", "经信局"),
        ("经济和信息化委员会", "经信委"),
        ("工业和信息化局", "工信局"),
        ("工业和信息化厅", "工信厅"),
        ("人民政府办公室", "政府办公室"),
        ("人民政府办公厅", "政府办公厅"),
        ("生态环境局", "环保局"),
        ("农业农村局", "农业局"),
        ("自然资源和规划局", "自然资源局"),
        ("交通运输局", "交通局"),
        ("退役军人事务局", "退役军人局"),
        ("应急管理局", "应急局"),
        ("医疗保障局", "医保局"),
    ];

    /// <summary>Every acceptable form of <paramref name="registered"/> (folded and simplified as the rule reads texts), longest first.</summary>
    public static IReadOnlyList<string> For(string registered)
    {
        var (regions, body) = Split(registered);
        var township = TownshipBody().IsMatch(body);
        var bodies = new List<string> { body };
        if (body.EndsWith("街道办事处", StringComparison.Ordinal))
        {
            bodies.Add(body[..^3]);
        }

        foreach (var (full, abbreviation) in Abbreviations)
        {
            if (body.EndsWith(full, StringComparison.Ordinal))
            {
                bodies.Add(body[..^full.Length] + abbreviation);
            }
        }

        var forms = new HashSet<string>(StringComparer.Ordinal);
        for (var first = 0; first <= regions.Count; first++)
        {
            var prefix = string.Concat(regions.Skip(first));
            if (prefix.Length == 0 && !township)
            {
                continue;
            }

            foreach (var variant in bodies)
            {
                forms.Add(prefix + variant);
                if (township && prefix.Length > 0)
                {
                    forms.Add(prefix + "人民政府" + variant);
                }
            }
        }

        return forms.Where(f => f.Length >= 3).OrderByDescending(f => f.Length).ToList();
    }

    /// <summary>The region names in front (沈阳市, 浑南区) and the rest.</summary>
    public static (IReadOnlyList<string> Regions, string Body) Split(string name)
    {
        var regions = new List<string>();
        var at = 0;
        while (RegionToken().Match(name, at) is { Success: true } match && match.Index == at && match.Length < name.Length - at)
        {
            regions.Add(match.Value);
            at += match.Length;
        }

        return (regions, name[at..]);
    }

    [GeneratedRegex(@"\G[^省市区县旗盟州\s]{1,8}?(?:自治区|自治州|自治县|特别行政区|省|市|区|县|旗|盟|州)")]
    private static partial Regex RegionToken();

    [GeneratedRegex("(街道办事处|街道|镇|乡|镇人民政府|乡人民政府)$")]
    private static partial Regex TownshipBody();
}
