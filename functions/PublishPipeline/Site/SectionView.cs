using PublishPipeline.Reports;

namespace PublishPipeline.Site;

/// <summary>Which statistical table a section carries.</summary>
internal enum StatisticalTable
{
    None,
    Proactive,
    Requests,
    ReviewLitigation,
}

/// <summary>A section of the report page: anchor, heading, paragraphs, and the table that belongs to it.</summary>
internal sealed record SectionView(string Id, string Heading, List<ParagraphView> Paragraphs, StatisticalTable Table, bool TableMissing)
{
    private static readonly (string Key, StatisticalTable Table)[] TableSections =
    [
        ("proactive", StatisticalTable.Proactive),
        ("requests", StatisticalTable.Requests),
        ("review_litigation", StatisticalTable.ReviewLitigation),
    ];

    /// <summary>
    /// The report's sections in its own order, each table placed in its section (二/三/四). A table whose section the
    /// draft lacks still appears, under the template's heading, after the sections.
    /// </summary>
    public static List<SectionView> Arrange(Report report, ReportTemplate? template)
    {
        var views = new List<SectionView>(report.Sections.Count + 1);
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var placed = new HashSet<StatisticalTable>();
        for (var i = 0; i < report.Sections.Count; i++)
        {
            var section = report.Sections[i];
            var key = section.Key ?? template?.Sections.FirstOrDefault(s => s.Number == section.Number)?.Key;
            var id = key is not null && IsSafeId(key) && usedIds.Add(key) ? key : UniqueId(usedIds, i + 1);
            var heading = string.IsNullOrEmpty(section.Number) ? section.Heading : $"{section.Number}、{section.Heading}";
            var table = TableFor(key);
            var hasTable = table != StatisticalTable.None && placed.Add(table) && HasTable(report.Tables, template, table);
            views.Add(new SectionView(id, heading, ParagraphView.Split(section.Text), hasTable ? table : StatisticalTable.None,
                TableMissing: table != StatisticalTable.None && !hasTable));
        }

        foreach (var (key, table) in TableSections)
        {
            if (placed.Contains(table) || !HasTable(report.Tables, template, table))
            {
                continue;
            }

            var definition = template!.Sections.FirstOrDefault(s => s.Key == key);
            var heading = definition is null ? key : $"{definition.Number}、{definition.Label}";
            var id = usedIds.Add(key) ? key : UniqueId(usedIds, views.Count + 1);
            views.Add(new SectionView(id, heading, [], table, TableMissing: false));
        }

        return views;
    }

    /// <summary>
    /// A table is shown only if the template can label it and it has at least one row the template knows, so a
    /// missing or unrecognised table never becomes an empty &lt;table&gt;.
    /// </summary>
    public static bool HasTable(ReportTables tables, ReportTemplate? template, StatisticalTable table)
    {
        if (template is null)
        {
            return false;
        }

        return table switch
        {
            StatisticalTable.Proactive => tables.Proactive is { } items
                && template.Proactive.Any(item => items.TryGetValue(item.Key, out var rows) && item.Rows.Any(r => rows.ContainsKey(r.Key))),
            StatisticalTable.Requests => tables.Requests is { } rows && template.Requests.Rows.Any(r => rows.ContainsKey(r.Key)),
            StatisticalTable.ReviewLitigation => tables.ReviewLitigation is { } groups
                && template.ReviewLitigation.Groups.Any(g => groups.ContainsKey(g.Key)),
            _ => false,
        };
    }

    private static StatisticalTable TableFor(string? key)
    {
        foreach (var (sectionKey, table) in TableSections)
        {
            if (sectionKey == key)
            {
                return table;
            }
        }

        return StatisticalTable.None;
    }

    /// <summary>Section keys come from the draft; only plain ASCII identifiers become element ids.</summary>
    private static bool IsSafeId(string key) =>
        key.Length is > 0 and <= 40 && char.IsAsciiLetter(key[0]) && key.AsSpan().IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") < 0;

    private static string UniqueId(HashSet<string> used, int number)
    {
        var id = $"section-{number}";
        while (!used.Add(id))
        {
            id += "-x";
        }

        return id;
    }
}
