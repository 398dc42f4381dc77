using System.Buffers;
using System.Reflection;

namespace PublishPipeline.Reports;

/// <summary>
/// Traditional→simplified folding from OpenCC's own tables (Reports/OpenCC, Apache-2.0): mirror sites print reports
/// through a converter, so the readers and the rules undo that conversion with the converter's data instead of a
/// list of the characters someone happened to see. Built once; a lookup is one array index.
/// </summary>
internal static class ChineseConversion
{
    private static readonly Tables Data = Load();

    /// <summary>
    /// Characters that OpenCC converts to something else and never keeps (規, 數, 後; not 乾, 於, 祕, which simplified
    /// text uses too): any of them means the text went through a converter (I3).
    /// </summary>
    public static SearchValues<char> TraditionalOnly => Data.TraditionalOnly;

    /// <summary>Every character the table folds: the traditional-only ones and those both scripts use (於 → 于, 祕 → 秘).</summary>
    public static SearchValues<char> Folded => Data.Folded;

    /// <summary>How many characters the table folds (for tests and diagnostics).</summary>
    public static int Count => Data.Count;

    /// <summary>
    /// OpenCC's mainland→Taiwan phrases (s2twp's TWPhrases) with both sides folded to simplified characters:
    /// 文件 → 档案, 信息 → 资讯.
    /// </summary>
    public static IReadOnlyDictionary<string, string> TaiwanPhrases => Data.TaiwanPhrases;

    /// <summary>
    /// The simplified form OpenCC gives first (於 → 于 too: s2t prints 属于 as 屬於); any other character as it is. A
    /// simplified text loses nothing a match or a rule looks at, and keeps its length.
    /// </summary>
    public static char Simplify(char ch) => Data.ToSimplified[ch];

    /// <summary>
    /// The comparison form of a character in a label: like <see cref="Simplify(char)"/>, and also the characters
    /// OpenCC keeps by default but converts in phrases (覆 → 复: s2t prints 反复申请 as 反覆申請). Only for keys that
    /// both sides are folded to, never for text a rule reads.
    /// </summary>
    public static char FoldForLabel(char ch) => Data.LabelFold[ch];

    /// <summary>Traditional characters to simplified, one for one, so positions in the original still hold.</summary>
    public static string Simplify(string text)
    {
        // Most texts are already simplified: one vectorised scan and no copy.
        var first = text.AsSpan().IndexOfAny(Data.Folded);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (target, state) =>
        {
            var (source, from) = state;
            source.AsSpan(0, from).CopyTo(target);
            var table = Data.ToSimplified;
            for (var i = from; i < source.Length; i++)
            {
                target[i] = table[source[i]];
            }
        });
    }

    /// <summary>
    /// A simplified text as an s2twp converter words it, folded back to simplified characters (规范性文件 →
    /// 规范性档案): forward longest match over <see cref="TaiwanPhrases"/>, as OpenCC segments.
    /// </summary>
    public static string ToTaiwanPhrases(string simplified)
    {
        var phrases = Data.TaiwanPhrases;
        var builder = new System.Text.StringBuilder(simplified.Length);
        for (var i = 0; i < simplified.Length;)
        {
            var matched = false;
            for (var length = Math.Min(Data.LongestPhrase, simplified.Length - i); length >= 2; length--)
            {
                if (phrases.TryGetValue(simplified.Substring(i, length), out var taiwan))
                {
                    builder.Append(taiwan);
                    i += length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                builder.Append(simplified[i]);
                i++;
            }
        }

        return builder.ToString();
    }

    private static Tables Load()
    {
        var toSimplified = new char[char.MaxValue + 1];
        for (var i = 0; i < toSimplified.Length; i++)
        {
            toSimplified[i] = (char)i;
        }

        var labelFold = (char[])toSimplified.Clone();
        var folded = new List<char>();
        var traditionalOnly = new List<char>();
        foreach (var (key, values) in Entries("TSCharacters.txt"))
        {
            if (key.Length == 1 && values.FirstOrDefault(v => v != key && v.Length == 1) is { } other)
            {
                labelFold[key[0]] = other[0];
            }

            // Supplementary-plane characters cannot be folded one char for one char; none occurs in report wording.
            if (key.Length != 1 || values.Length == 0 || values[0].Length != 1 || values[0] == key)
            {
                continue;
            }

            toSimplified[key[0]] = values[0][0];
            folded.Add(key[0]);
            if (!values.Contains(key))
            {
                traditionalOnly.Add(key[0]);
            }
        }

        string Fold(string text) => string.Create(text.Length, text, (target, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                target[i] = toSimplified[source[i]];
            }
        });

        var taiwan = new Dictionary<string, string>(StringComparer.Ordinal);
        var longest = 0;
        foreach (var (key, values) in Entries("TWPhrases.txt"))
        {
            if (values.Length == 0)
            {
                continue;
            }

            var mainland = Fold(key);
            var printed = Fold(values[0]);
            if (mainland != printed && taiwan.TryAdd(mainland, printed))
            {
                longest = Math.Max(longest, mainland.Length);
            }
        }

        return new Tables(toSimplified, labelFold, SearchValues.Create(folded.ToArray()), SearchValues.Create(traditionalOnly.ToArray()), folded.Count, taiwan, longest);
    }

    private static IEnumerable<(string Key, string[] Values)> Entries(string file)
    {
        var name = "PublishPipeline.Reports.OpenCC." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded OpenCC table {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        var entries = new List<(string, string[])>();
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (line.StartsWith('#') || tab <= 0)
            {
                continue;
            }

            entries.Add((line[..tab], line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        }

        return entries;
    }

    private sealed record Tables(
        char[] ToSimplified, char[] LabelFold, SearchValues<char> Folded, SearchValues<char> TraditionalOnly, int Count, Dictionary<string, string> TaiwanPhrases, int LongestPhrase);
}
