using System.Buffers;
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
        if (text.Length < Shingle)
        {
            return 0;
        }

        var theirs = new ShingleSet(other.Length);
        try
        {
            foreach (var shingle in new ShingleWindow(other))
            {
                theirs.Add(shingle);
            }

            return Containment(text, theirs);
        }
        finally
        {
            theirs.Dispose();
        }
    }

    /// <summary>As <see cref="Containment(string, string)"/> against the shingles of a text indexed once (last year's, reused).</summary>
    public static double Containment(string text, Index other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return text.Length < Shingle ? 0 : Containment(text, other.Set);
    }

    private static double Containment(string text, ShingleSet theirs)
    {
        var mine = new ShingleSet(text.Length);
        try
        {
            int distinct = 0, found = 0;
            foreach (var shingle in new ShingleWindow(text))
            {
                if (mine.Add(shingle))
                {
                    distinct++;
                    found += theirs.Contains(shingle) ? 1 : 0;
                }
            }

            return (double)found / distinct;
        }
        finally
        {
            mine.Dispose();
        }
    }

    /// <summary>The shingles of one normalised text in an array of its own (not pooled), safe to keep and share read-only.</summary>
    public sealed class Index
    {
        public Index(string normal)
        {
            ArgumentNullException.ThrowIfNull(normal);
            Set = new ShingleSet(normal.Length, pooled: false);
            foreach (var shingle in new ShingleWindow(normal))
            {
                Set.Add(shingle);
            }
        }

        internal ShingleSet Set { get; }
    }

    /// <summary>Checked once against the runtime's Unicode data, so the fast path in <see cref="Normalise"/> never changes a result.</summary>
    private static readonly bool IdeographsAreLetters = Enumerable.Range('\u4e00', '\u9fff' - '\u4e00' + 1).All(c => char.IsLetter((char)c));

    /// <summary>The text as shingles see it: letters only, each digit as #.</summary>
    public static string Normalise(string text)
    {
        var normal = new char[text.Length];
        var length = 0;
        foreach (var raw in text)
        {
            // Ideographs are letters and never fold: kept without the switch and the Unicode category lookup.
            if (raw is >= '\u4e00' and <= '\u9fff' && IdeographsAreLetters)
            {
                normal[length++] = raw;
                continue;
            }

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

    /// <summary>The shingles of a normalised text in order: a 96-bit window shifting one code unit in at a time.</summary>
    private ref struct ShingleWindow(string normal)
    {
        // The 96-bit window (Shingle = 6 code units) as its top 32 and bottom 64 bits: shifting a uint drops what leaves
        // the window, so no UInt128 shift and mask per character.
        private uint high;
        private ulong low;
        private int next;

        public readonly UInt128 Current => new(high, low);

        public readonly ShingleWindow GetEnumerator() => this;

        public bool MoveNext()
        {
            while (next < normal.Length)
            {
                high = (high << 16) | (uint)(low >> 48);
                low = (low << 16) | normal[next];
                if (++next >= Shingle)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// A set of shingles: open addressing over pooled arrays. No shingle is 0 (every code unit of a normalised text is a
    /// letter or #), so 0 marks an empty slot.
    /// </summary>
    internal readonly struct ShingleSet : IDisposable
    {
        private readonly UInt128[] slots;
        private readonly int mask;
        private readonly bool pooled;

        public ShingleSet(int shingles, bool pooled = true)
        {
            // A power-of-two table at most half full; the pool may hand out a longer array, only the first part is used.
            var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, shingles * 2));
            slots = pooled ? ArrayPool<UInt128>.Shared.Rent(size) : new UInt128[size];
            Array.Clear(slots, 0, size);
            mask = size - 1;
            this.pooled = pooled;
        }

        /// <summary>Adds the shingle; false when it was already there.</summary>
        public bool Add(UInt128 shingle)
        {
            for (var i = Slot(shingle); ; i = (i + 1) & mask)
            {
                if (slots[i] == shingle)
                {
                    return false;
                }

                if (slots[i] == 0)
                {
                    slots[i] = shingle;
                    return true;
                }
            }
        }

        public bool Contains(UInt128 shingle)
        {
            for (var i = Slot(shingle); ; i = (i + 1) & mask)
            {
                if (slots[i] == shingle)
                {
                    return true;
                }

                if (slots[i] == 0)
                {
                    return false;
                }
            }
        }

        public void Dispose()
        {
            if (pooled)
            {
                ArrayPool<UInt128>.Shared.Return(slots);
            }
        }

        private int Slot(UInt128 shingle)
        {
            var mixed = ((ulong)shingle ^ (ulong)(shingle >> 64)) * 0x9E3779B97F4A7C15UL;
            return (int)(mixed >> 33) & mask;
        }

    }
}
