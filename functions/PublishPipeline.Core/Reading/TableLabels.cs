using PublishPipeline.Reports;

namespace PublishPipeline.Reading;

/// <summary>
/// Label lookups for the three tables, precomputed once from every template in templates.json, so that a reader
/// matches a cell with a dictionary probe instead of a regex per label. Keys are folded label cores
/// (<see cref="LabelText.Fold"/> then <see cref="LabelText.Core"/>).
/// </summary>
internal sealed class TableLabels
{
    private static readonly Lazy<TableLabels> Shared = new(() => new TableLabels(TemplateCatalog.All));

    public TableLabels(IReadOnlyList<ReportTemplate> templates)
    {
        foreach (var template in templates)
        {
            foreach (var item in template.Proactive)
            {
                ProactiveItems.TryAdd(LabelText.Fold(item.Label), item.Key);
                foreach (var row in item.Rows)
                {
                    ProactiveRows.TryAdd(Key(row.Label), (item.Key, row.Key));
                }

                foreach (var column in item.Columns)
                {
                    HeaderWords.Add(Key(column.Label));
                }
            }

            foreach (var row in template.Requests.Rows)
            {
                var slash = row.Label.IndexOf('/', StringComparison.Ordinal);
                if (slash < 0)
                {
                    RequestRows.TryAdd(Key(row.Label), row.Key);
                    continue;
                }

                var group = Key(row.Label[..slash]);
                RequestGroups.Add(group);
                var sub = LabelText.Fold(row.Label[(slash + 1)..]);
                RequestSubRows.TryAdd((group, LabelText.LeadingNumber(sub)), row.Key);
                RequestSubRows.TryAdd((group, LabelText.Core(sub)), row.Key);
                RequestSubCores.TryAdd(LabelText.Core(sub), row.Key);
            }

            foreach (var column in template.Requests.Columns)
            {
                HeaderWords.Add(Key(column.Label));
            }

            foreach (var group in template.ReviewLitigation.Groups)
            {
                foreach (var part in group.Label.Split('/'))
                {
                    ReviewWords.Add(Key(part));
                }
            }

            foreach (var column in template.ReviewLitigation.Columns)
            {
                ReviewWords.Add(Key(column.Label));
            }
        }

        // The single (六)其他处理 row of 2019 is also the group label of the 2021 sub-rows.
        foreach (var group in RequestGroups)
        {
            if (RequestRows.TryGetValue(group, out var key))
            {
                GroupRows[group] = key;
            }
        }

        HeaderWords.UnionWith(["信息内容", "申请人情况", "法人或其他组织", "本年度办理结果"]);
        HeaderWords.UnionWith(ReviewWords);
        Signals2019 = TemplateSignals(templates, "2019");
        Signals2021 = TemplateSignals(templates, "2021");

        // "3.其他" is a 2021 sub-row, but 其他 is also a column of table 三 in both templates: not a signal.
        var requestColumns = templates.SelectMany(t => t.Requests.Columns).Select(c => Key(c.Label)).ToHashSet();
        Signals2019.ExceptWith(requestColumns);
        Signals2021.ExceptWith(requestColumns);
        AddTaiwanWordings();
    }

    public static TableLabels Instance => Shared.Value;

    /// <summary>Folded "第二十条第(一)项" → art20_1.</summary>
    public Dictionary<string, string> ProactiveItems { get; } = [];

    /// <summary>Row core → (item, row); 规范性文件 and 行政规范性文件 both map to normative_docs.</summary>
    public Dictionary<string, (string Item, string Row)> ProactiveRows { get; } = [];

    /// <summary>Top-level rows of table 三 (new, carried_in, r1, r2, r6, total, carried_out) by core.</summary>
    public Dictionary<string, string> RequestRows { get; } = [];

    /// <summary>Group cores: 不予公开, 无法提供, 不予处理, 其他处理.</summary>
    public HashSet<string> RequestGroups { get; } = [];

    /// <summary>Groups that are also a single row in some template: 其他处理 → r6.</summary>
    public Dictionary<string, string> GroupRows { get; } = [];

    /// <summary>(group core, sub-row number) and (group core, sub-row core) → key.</summary>
    public Dictionary<(string Group, object Sub), string> RequestSubRows { get; } = [];

    /// <summary>Sub-row core → key, for a sub-row printed without its group in reach.</summary>
    public Dictionary<string, string> RequestSubCores { get; } = [];

    /// <summary>Column and header words that are labels but name no row.</summary>
    public HashSet<string> HeaderWords { get; } = [];

    /// <summary>Words of table 四's header: 行政复议, 行政诉讼, 结果维持 ….</summary>
    public HashSet<string> ReviewWords { get; } = [];

    /// <summary>Folded labels printed only in one template's tables (columns and items of table 二, sub-rows of table 三).</summary>
    public HashSet<string> Signals2019 { get; }

    public HashSet<string> Signals2021 { get; }

    public static string Key(string label) => LabelText.Core(LabelText.Fold(label));

    /// <summary>Whether a folded cell is a label of any kind (so it ends a run of values).</summary>
    public bool IsLabel(string folded)
    {
        if (folded.Length == 0)
        {
            return false;
        }

        var core = LabelText.Core(folded);
        return ProactiveItems.ContainsKey(folded) || ProactiveRows.ContainsKey(core) || RequestRows.ContainsKey(core)
            || RequestGroups.Contains(core) || RequestSubCores.ContainsKey(core) || HeaderWords.Contains(core)
            || folded.StartsWith("第二十条", StringComparison.Ordinal) || folded.Contains("勾稽", StringComparison.Ordinal);
    }

    /// <summary>
    /// Mirrors converted with OpenCC's s2twp print the template's words in Taiwan usage (规范性文件 → 規範性檔案,
    /// 政府信息 → 政府資訊); every key is also known in that wording, from OpenCC's own phrase table.
    /// </summary>
    private void AddTaiwanWordings()
    {
        static string Taiwan(string key) => ChineseConversion.ToTaiwanPhrases(key);

        static void AddTo<TValue>(Dictionary<string, TValue> map)
        {
            foreach (var (key, value) in map.ToList())
            {
                map.TryAdd(Taiwan(key), value);
            }
        }

        static void AddToSet(HashSet<string> set) => set.UnionWith(set.Select(Taiwan).ToList());

        AddTo(ProactiveItems);
        AddTo(ProactiveRows);
        AddTo(RequestRows);
        AddTo(GroupRows);
        AddTo(RequestSubCores);
        foreach (var ((group, sub), value) in RequestSubRows.ToList())
        {
            RequestSubRows.TryAdd((Taiwan(group), sub is string core ? Taiwan(core) : sub), value);
        }

        AddToSet(RequestGroups);
        AddToSet(HeaderWords);
        AddToSet(ReviewWords);
        AddToSet(Signals2019);
        AddToSet(Signals2021);
    }

    private static HashSet<string> TemplateSignals(IReadOnlyList<ReportTemplate> templates, string id)
    {
        // Columns and items of table 二, and sub-rows of table 三 (by key, so that shared sub-rows cancel out).
        static IEnumerable<(string Match, string Folded)> Labels(ReportTemplate t) =>
            t.Proactive.SelectMany(i => i.Columns.Select(c => (Key(c.Label), Key(c.Label))).Append((LabelText.Fold(i.Label), LabelText.Fold(i.Label))))
                .Concat(t.Requests.Rows.Where(r => r.Label.Contains('/', StringComparison.Ordinal))
                    .Select(r => (r.Key + ":" + r.Label, LabelText.Core(LabelText.Fold(r.Label[(r.Label.IndexOf('/', StringComparison.Ordinal) + 1)..])))));

        var others = templates.Where(t => t.Id != id).SelectMany(Labels).Select(l => l.Match).ToHashSet();
        return templates.Where(t => t.Id == id).SelectMany(Labels).Where(l => !others.Contains(l.Match)).Select(l => l.Folded).ToHashSet();
    }
}
