using PublishPipeline.Reports;

namespace PublishPipeline.Validation.CrossYear;

/// <summary>
/// How much of one text reappears in another: the share of its 6-character shingles (after folding, dropping
/// punctuation and whitespace, and writing every digit as #, so "2021年" and "2022年" are the same) found in the other.
/// A shingle is its six UTF-16 code units packed into 96 bits, so the sets hold numbers, not substrings.
/// </summary>
internal static class TextOverlap
{
    private const int Shingle = 6;

    /// <summary>The share of <paramref name="text"/>'s distinct shingles found in <paramref name="other"/>; both already <see cref="Normalise"/>d.</summary>
    public static double Containment(string text, string other)
    {
        var mine = Shingles(text);
        if (mine.Count == 0)
        {
            return 0;
        }

        var theirs = Shingles(other);
        var found = 0;
        foreach (var shingle in mine)
        {
            if (theirs.Contains(shingle))
            {
                found++;
            }
        }

        return (double)found / mine.Count;
    }

    private static HashSet<UInt128> Shingles(string normal)
    {
        var set = new HashSet<UInt128>(Math.Max(0, normal.Length - Shingle + 1));
        if (normal.Length < Shingle)
        {
            return set;
        }

        // Slide a 96-bit window: shift one code unit out at the top, the next one in at the bottom.
        UInt128 key = 0;
        var mask = (UInt128.One << (16 * Shingle)) - 1;
        for (var i = 0; i < normal.Length; i++)
        {
            key = ((key << 16) | normal[i]) & mask;
            if (i >= Shingle - 1)
            {
                set.Add(key);
            }
        }

        return set;
    }

    /// <summary>The text as shingles see it: letters only, each digit as #.</summary>
    public static string Normalise(string text)
    {
        var normal = new char[text.Length];
        var length = 0;
        foreach (var raw in text)
        {
            var ch = TextFolding.FoldChar(raw);
            if (char.IsAsciiDigit(ch))
            {
                normal[length++] = '#';
            }
            else if (char.IsLetter(ch))
            {
                normal[length++] = ch;
            }
        }

        return new string(normal, 0, length);
    }
}
