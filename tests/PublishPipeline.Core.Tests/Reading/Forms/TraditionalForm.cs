using System.Text;

namespace PublishPipeline.Tests.Reading.Forms;

/// <summary>
/// Prints a simplified report in traditional characters the way mirror sites do, with OpenCC's own data
/// (Reading/Forms/OpenCC, Apache-2.0; see the NOTICE there): <see cref="Convert"/> is OpenCC's s2t (phrases, then
/// characters), <see cref="ConvertCharacters"/> the character-by-character conversion the corpus mirrors show
/// (行政复议 → 行政復議, where s2t's phrase gives 複議), <see cref="ConvertTaiwan"/> s2twp (Taiwan phrases and
/// variants: 规范性文件 → 規範性檔案, 信息 → 資訊).
/// </summary>
public static class TraditionalForm
{
    private static readonly Lazy<Tables> Data = new(Load);

    /// <summary>OpenCC s2t: forward longest match over STPhrases, every other character by STCharacters' first candidate.</summary>
    public static string Convert(string simplified)
    {
        ArgumentNullException.ThrowIfNull(simplified);
        return LongestMatch(simplified, Data.Value.Phrases, Data.Value.LongestPhrase, Data.Value.Characters);
    }

    /// <summary>Each character by STCharacters' first candidate, no phrases.</summary>
    public static string ConvertCharacters(string simplified)
    {
        ArgumentNullException.ThrowIfNull(simplified);
        return LongestMatch(simplified, Data.Value.NoPhrases, 0, Data.Value.Characters);
    }

    /// <summary>OpenCC s2twp: s2t, then Taiwan phrases (TWPhrases), then Taiwan variant characters (TWVariants).</summary>
    public static string ConvertTaiwan(string simplified)
    {
        var data = Data.Value;
        return LongestMatch(Convert(simplified), data.TaiwanPhrases, data.LongestTaiwanPhrase, data.TaiwanVariants);
    }

    private static string LongestMatch(string text, Dictionary<string, string> phrases, int longest, Dictionary<char, string> characters)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var length = Math.Min(longest, text.Length - i);
            for (; length >= 2; length--)
            {
                if (phrases.TryGetValue(text.Substring(i, length), out var phrase))
                {
                    builder.Append(phrase);
                    break;
                }
            }

            if (length >= 2)
            {
                i += length;
                continue;
            }

            builder.Append(characters.TryGetValue(text[i], out var converted) ? converted : text[i].ToString());
            i++;
        }

        return builder.ToString();
    }

    private static Tables Load()
    {
        var here = Path.Combine(AppContext.BaseDirectory, "Reading", "Forms", "OpenCC");
        var phrases = Phrases(Path.Combine(here, "STPhrases.txt"), out var longest);
        var taiwan = Phrases(Path.Combine(here, "TWPhrases.txt"), out var longestTaiwan);
        return new Tables(Characters(Path.Combine(here, "STCharacters.txt")), phrases, longest, [], taiwan, longestTaiwan, Characters(Path.Combine(here, "TWVariants.txt")));
    }

    private static Dictionary<char, string> Characters(string file)
    {
        var map = new Dictionary<char, string>();
        foreach (var (key, value) in Entries(file))
        {
            // Supplementary-plane keys are not in report wording; a char key keeps the lookup a probe per character.
            if (key.Length == 1)
            {
                map.TryAdd(key[0], value);
            }
        }

        return map;
    }

    private static Dictionary<string, string> Phrases(string file, out int longest)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        longest = 0;
        foreach (var (key, value) in Entries(file))
        {
            if (map.TryAdd(key, value))
            {
                longest = Math.Max(longest, key.Length);
            }
        }

        return map;
    }

    /// <summary>key TAB candidates; the first candidate is OpenCC's default output.</summary>
    private static IEnumerable<(string Key, string Value)> Entries(string file)
    {
        foreach (var line in File.ReadLines(file))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (line.StartsWith('#') || tab <= 0)
            {
                continue;
            }

            var values = line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (values.Length > 0)
            {
                yield return (line[..tab], values[0]);
            }
        }
    }

    private sealed record Tables(
        Dictionary<char, string> Characters,
        Dictionary<string, string> Phrases,
        int LongestPhrase,
        Dictionary<string, string> NoPhrases,
        Dictionary<string, string> TaiwanPhrases,
        int LongestTaiwanPhrase,
        Dictionary<char, string> TaiwanVariants);
}
