using PublishPipeline.Reports;

namespace PublishPipeline.Reading;

/// <summary>
/// Recognises the six numbered part headings (一…六) through the templates' aliases (FORMAT.md §2), folded for width
/// and whitespace, with a keyword fallback per part for wordings not yet listed as aliases.
/// </summary>
internal sealed class SectionHeadings
{
    private static readonly Lazy<SectionHeadings> Shared = new(() => new SectionHeadings(TemplateCatalog.All));

    // Keyword fallback: a heading "三、…申请…" is part 三 even when its wording is not an alias yet.
    private static readonly Dictionary<string, string[]> Keywords = new()
    {
        ["一"] = ["总体情况", "概况", "基本情况"],
        ["二"] = ["主动公开"],
        ["三"] = ["申请"],
        ["四"] = ["复议", "诉讼"],
        ["五"] = ["问题"],
        ["六"] = ["其他", "其它"],
    };

    private readonly Dictionary<string, (SectionDefinition Section, HashSet<string> Aliases)> byNumber = [];

    public SectionHeadings(IReadOnlyList<ReportTemplate> templates)
    {
        foreach (var section in templates.SelectMany(t => t.Sections))
        {
            if (!byNumber.TryGetValue(section.Number, out var entry))
            {
                entry = (section, []);
                byNumber[section.Number] = entry;
            }

            entry.Aliases.Add(Normalise(section.Label));
            foreach (var alias in section.Aliases)
            {
                entry.Aliases.Add(Normalise(alias));
            }
        }
    }

    public static SectionHeadings Instance => Shared.Value;

    /// <summary>The section a line heads, with the heading text as printed (without its number), or null.</summary>
    public (SectionDefinition Section, string Heading)? Match(string line)
    {
        var trimmed = CellParser.Trim(line);
        if (trimmed.Length < 3 || trimmed.Length > 40 || !LabelText.IsChineseNumeral(trimmed[0]))
        {
            return null;
        }

        var folded = LabelText.FoldWidth(trimmed);
        var separator = folded[1];
        if (separator is not ('、' or '.' or ',' or ' '))
        {
            return null;
        }

        var number = trimmed[..1];
        if (!byNumber.TryGetValue(number, out var entry))
        {
            return null;
        }

        var heading = CellParser.Trim(trimmed[2..]);
        var normalised = Normalise(heading);
        if (normalised.Length == 0)
        {
            return null;
        }

        // A mirror's s2twp copy words the part in Taiwan phrases (三、收到和處理政府資訊公開申請情況): folded back once.
        if (Matches(entry, number, normalised) || (LabelText.FoldTaiwan(normalised, heading) is { } mainland && Matches(entry, number, mainland)))
        {
            return (entry.Section, heading.TrimEnd('。', '：', ':', ' '));
        }

        return null;
    }

    private static bool Matches((SectionDefinition Section, HashSet<string> Aliases) entry, string number, string normalised) =>
        entry.Aliases.Contains(normalised) || Keywords[number].Any(k => normalised.Contains(k, StringComparison.Ordinal));

    /// <summary>The section a line heads when its wording is one of the templates' aliases exactly (no keyword fallback).</summary>
    public SectionDefinition? MatchAlias(string line)
    {
        var trimmed = CellParser.Trim(line);
        if (trimmed.Length < 3 || !byNumber.TryGetValue(trimmed[..1], out var entry))
        {
            return null;
        }

        var normalised = Normalise(trimmed[2..]);
        return entry.Aliases.Contains(normalised) || (LabelText.FoldTaiwan(normalised, trimmed) is { } mainland && entry.Aliases.Contains(mainland))
            ? entry.Section
            : null;
    }

    private static string Normalise(string text) => LabelText.Fold(text).TrimEnd('。', ':', '.');
}
