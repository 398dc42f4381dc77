using System.Text;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.CrossYear;

/// <summary>
/// How much of one text reappears in another: the share of its 6-character shingles (after folding, dropping
/// punctuation and whitespace, and writing every digit as #, so "2021年" and "2022年" are the same) found in the other.
/// </summary>
internal static class TextOverlap
{
    private const int Shingle = 6;

    public static double Containment(string text, string other)
    {
        var mine = Shingles(text);
        if (mine.Count == 0)
        {
            return 0;
        }

        var theirs = Shingles(other);
        return (double)mine.Count(theirs.Contains) / mine.Count;
    }

    public static int Length(string text) => Normalise(text).Length;

    private static HashSet<string> Shingles(string text)
    {
        var normal = Normalise(text);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + Shingle <= normal.Length; i++)
        {
            set.Add(normal.Substring(i, Shingle));
        }

        return set;
    }

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var ch = TextFolding.FoldChar(raw);
            if (char.IsAsciiDigit(ch))
            {
                builder.Append('#');
            }
            else if (char.IsLetter(ch))
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }
}
