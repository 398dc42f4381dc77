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
    /// Like <see cref="Simplify(string)"/>, and in a text that went through a converter (it holds a traditional-only
    /// character) also the characters OpenCC keeps by default but converts in phrases (答覆 → 答复, 反覆 → 反复), as
    /// <see cref="FoldForLabel(char)"/> does: a converted text's 覆 is s2t's, a simplified text's is the author's.
    /// One for one, so positions in the original still hold.
    /// </summary>
    public static string SimplifyConverted(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(Data.TraditionalOnly) < 0)
        {
            return Simplify(text);
        }

        return string.Create(text.Length, text, static (target, source) =>
        {
            var table = Data.LabelFold;
            for (var i = 0; i < source.Length; i++)
            {
                target[i] = table[source[i]];
            }
        });
    }

    /// <summary>
    /// A text as a reader matches it: traditional characters folded to simplified (<see cref="Simplify(string)"/>), and,
    /// when the text went through a converter (it holds a traditional-only character), s2twp's Taiwan wording folded back
    /// to the mainland's through OpenCC's TWPhrases read the other way (政府資訊公開 → 政府信息公开, 規範性檔案 → 规范性文件).
    /// A simplified text is returned as it is after one vectorised scan, so readers can fold every line. The length can
    /// change (a Taiwan phrase and its mainland wording differ in length): for matching, never for cutting the original.
    /// </summary>
    public static string ToMainland(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan();
        if (span.IndexOfAny(Data.Folded) < 0)
        {
            return text;
        }

        var simplified = Simplify(text);
        return span.IndexOfAny(Data.TraditionalOnly) < 0 ? simplified : FromTaiwanPhrases(simplified);
    }

    /// <summary>
    /// s2twp's Taiwan wording in a simplified text folded back to the mainland's (资讯 → 信息, 档案 → 文件): forward
    /// longest match over TWPhrases read the other way, probing only where a Taiwan phrase can begin.
    /// </summary>
    public static string FromTaiwanPhrases(string simplified)
    {
        ArgumentNullException.ThrowIfNull(simplified);
        var data = Data;
        var next = simplified.AsSpan().IndexOfAny(data.MainlandStarts);
        if (next < 0)
        {
            return simplified;
        }

        var builder = new System.Text.StringBuilder(simplified.Length);
        var lookup = data.MainlandPhrases.GetAlternateLookup<ReadOnlySpan<char>>();
        var copied = 0;
        while (next >= 0)
        {
            var at = copied + next;
            var matched = 0;
            for (var length = Math.Min(data.LongestMainland, simplified.Length - at); length >= 2; length--)
            {
                if (lookup.TryGetValue(simplified.AsSpan(at, length), out var mainland))
                {
                    builder.Append(simplified, copied, at - copied).Append(mainland);
                    matched = length;
                    break;
                }
            }

            if (matched == 0)
            {
                builder.Append(simplified, copied, at - copied + 1);
                matched = 1;
            }

            copied = at + matched;
            next = copied < simplified.Length ? simplified.AsSpan(copied).IndexOfAny(data.MainlandStarts) : -1;
        }

        return builder.Append(simplified, copied, simplified.Length - copied).ToString();
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
        var mainlandOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var longest = 0;
        var longestMainland = 0;
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

            // Read the other way, the first mainland phrase OpenCC lists for a Taiwan wording is the one given back.
            if (mainland != printed && mainlandOf.TryAdd(printed, mainland))
            {
                longestMainland = Math.Max(longestMainland, printed.Length);
            }
        }

        var starts = SearchValues.Create(mainlandOf.Keys.Select(k => k[0]).Distinct().ToArray());
        return new Tables(
            toSimplified, labelFold, SearchValues.Create(folded.ToArray()), SearchValues.Create(traditionalOnly.ToArray()), folded.Count, taiwan, longest,
            mainlandOf, longestMainland, starts);
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
        char[] ToSimplified,
        char[] LabelFold,
        SearchValues<char> Folded,
        SearchValues<char> TraditionalOnly,
        int Count,
        Dictionary<string, string> TaiwanPhrases,
        int LongestPhrase,
        Dictionary<string, string> MainlandPhrases,
        int LongestMainland,
        SearchValues<char> MainlandStarts);
}
