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
        var mine = new ShingleSet(text.Length);
        try
        {
            foreach (var shingle in new ShingleWindow(other))
            {
                theirs.Add(shingle);
            }

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
            theirs.Dispose();
            mine.Dispose();
        }
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

    /// <summary>The shingles of a normalised text in order: a 96-bit window shifting one code unit in at a time.</summary>
    private ref struct ShingleWindow(string normal)
    {
        private static readonly UInt128 Mask = (UInt128.One << (16 * Shingle)) - 1;
        private int next;

        public UInt128 Current { get; private set; }

        public readonly ShingleWindow GetEnumerator() => this;

        public bool MoveNext()
        {
            while (next < normal.Length)
            {
                Current = ((Current << 16) | normal[next]) & Mask;
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
    private readonly struct ShingleSet : IDisposable
    {
        private readonly UInt128[] slots;
        private readonly int mask;

        public ShingleSet(int shingles)
        {
            // A power-of-two table at most half full; the pool may hand out a longer array, only the first part is used.
            var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, shingles * 2));
            slots = ArrayPool<UInt128>.Shared.Rent(size);
            Array.Clear(slots, 0, size);
            mask = size - 1;
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

        public void Dispose() => ArrayPool<UInt128>.Shared.Return(slots);

        private int Slot(UInt128 shingle)
        {
            var mixed = ((ulong)shingle ^ (ulong)(shingle >> 64)) * 0x9E3779B97F4A7C15UL;
            return (int)(mixed >> 33) & mask;
        }

    }
}
