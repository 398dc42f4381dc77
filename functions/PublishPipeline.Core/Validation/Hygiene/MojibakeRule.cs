using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Hygiene;

/// <summary>
/// I1: the text is not mojibake. UTF-8 read as GBK turns 政府信息公开 into runs like 鏀垮簻淇℃伅鍏紑; the test is
/// exact, not a word list: such a run, encoded back to GBK, is valid UTF-8 again. Ordinary text never is, because
/// common characters' GBK lead bytes (B0–D7) cannot start a UTF-8 sequence. UTF-8 read as Latin-1/1252 (å…¬) and
/// U+FFFD replacement characters are caught too. (Undecodable bytes are the reader's A0.)
/// </summary>
public sealed partial class MojibakeRule : IValidationRule
{
    /// <summary>Decoded characters needed to call a run mojibake (two would be chance).</summary>
    internal const int MinimumRecovered = 3;

    private static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)
        ?? throw new InvalidOperationException("GBK (code page 936) is not available");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Id => "I1";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var text in context.Texts)
        {
            var hit = FindGbkMojibake(text.Original) ?? FindOther(text.Original);
            if (hit is not { } found)
            {
                continue;
            }

            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Error,
                Location = new FindingLocation { Section = text.Section },
                Message = $"{context.SectionName(text.Section)}含有乱码“{found.Garbled}”" + (found.Recovered is { } r ? $"（原文应为“{r}”）" : "")
                    + "：文件的文字编码被读错（常见于 GBK 与 UTF-8 混用），请以 UTF-8 编码重新导出后上传",
            };
        }
    }

    /// <summary>The first run of CJK characters whose GBK bytes are UTF-8 for at least <see cref="MinimumRecovered"/> characters.</summary>
    internal static (string Garbled, string? Recovered)? FindGbkMojibake(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = IndexOfSuspect(text, i, suspect: true);
            if (start < 0)
            {
                break;
            }

            i = IndexOfSuspect(text, start, suspect: false);
            if (i < 0)
            {
                i = text.Length;
            }

            if (i - start < 2)
            {
                continue;
            }

            if (MayRecover(text.AsSpan(start, i - start)) && Recover(text[start..i]) is { } recovered)
            {
                return (text[start..i], recovered);
            }
        }

        return null;
    }

    private static (string Garbled, string? Recovered)? FindOther(string text)
    {
        var replacement = text.IndexOf('\uFFFD', StringComparison.Ordinal);
        if (replacement >= 0)
        {
            return (text.Substring(Math.Max(0, replacement - 3), Math.Min(text.Length - Math.Max(0, replacement - 3), 8)), null);
        }

        var latin = Latin1Mojibake().Match(text);
        return latin.Success ? (latin.Value, null) : null;
    }

    /// <summary>
    /// The first index from <paramref name="from"/> whose character is (or, with <paramref name="suspect"/> false, is
    /// not) <see cref="IsSuspect"/>, or -1: the same test eight characters at a time (prose is one long run of
    /// suspect characters broken by digits and line ends; a call per character, or per ideograph stretch, cost more).
    /// </summary>
    private static int IndexOfSuspect(string text, int from, bool suspect)
    {
        var i = from;
        if (Vector128.IsHardwareAccelerated)
        {
            var span = MemoryMarshal.Cast<char, ushort>(text.AsSpan());
            for (; i + 8 <= span.Length; i += 8)
            {
                var v = Vector128.Create(span.Slice(i, 8));
                var mask = SuspectMask(v);
                var wanted = suspect ? mask : ~mask;
                if (wanted != Vector128<ushort>.Zero)
                {
                    return i + BitOperations.TrailingZeroCount(wanted.ExtractMostSignificantBits());
                }
            }
        }

        for (; i < text.Length; i++)
        {
            if (IsSuspect(text[i]) == suspect)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>All ones in each lane whose character <see cref="IsSuspect"/> accepts, by the same ranges.</summary>
    private static Vector128<ushort> SuspectMask(Vector128<ushort> v)
    {
        static Vector128<ushort> InRange(Vector128<ushort> v, ushort low, ushort high) =>
            Vector128.LessThanOrEqual(v - Vector128.Create(low), Vector128.Create((ushort)(high - low)));

        return InRange(v, 0x4E00, 0x9FFF)
            | InRange(v, 0x3000, 0x303F)
            | InRange(v, 0xFF01, 0xFF5E)
            | Vector128.Equals(v, Vector128.Create((ushort)0xE000))
            | Vector128.Equals(v, Vector128.Create((ushort)0x2116))
            | Vector128.Equals(v, Vector128.Create((ushort)0x2103));
    }

    /// <summary>Characters GBK-decoded UTF-8 produces: CJK ideographs, and the CJK punctuation 銆/锛 stand for.</summary>
    private static bool IsSuspect(char ch) => ch is >= '\u4E00' and <= '\u9FFF' or '\uE000' or >= '\u3000' and <= '\u303F' or >= '\uFF01' and <= '\uFF5E' or '\u2116' or '\u2103';

    /// <summary>
    /// Whether <see cref="Recover"/> can succeed, from the run's first characters alone: it needs three whole UTF-8
    /// sequences starting at byte 0, 1 or 2, i.e. within the first 11 bytes, and GBK (a stateless encoding of one or two
    /// bytes a character) gives those bytes for the first 11 characters whatever follows. Ordinary runs fail here
    /// without encoding the whole paragraph.
    /// </summary>
    private static bool MayRecover(ReadOnlySpan<char> run)
    {
        const int Needed = 2 + (3 * MinimumRecovered);
        Span<byte> bytes = stackalloc byte[2 * Needed];

        // A sequence can only start at byte 0, 1 or 2, which the first three characters give: most runs stop here.
        var head = GbkBytes(run[..Math.Min(run.Length, 3)], bytes);
        if (!bytes[..Math.Min(head, 3)].ContainsAnyInRange((byte)0xE0, (byte)0xEF))
        {
            return false;
        }

        var length = GbkBytes(run[..Math.Min(run.Length, Needed)], bytes);
        for (var offset = 0; offset < Math.Min(3, length); offset++)
        {
            var end = offset;
            while (end + 3 <= length && bytes[end] is >= 0xE0 and <= 0xEF && bytes[end + 1] is >= 0x80 and <= 0xBF && bytes[end + 2] is >= 0x80 and <= 0xBF)
            {
                end += 3;
            }

            if ((end - offset) / 3 >= MinimumRecovered)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// GBK bytes of each character, encoded once per process: GBK is stateless (each BMP character is one or two bytes
    /// whatever surrounds it), so the concatenation equals <see cref="Encoding.GetBytes(ReadOnlySpan{char}, Span{byte})"/>
    /// of the whole span, without the encoder's per-call cost on every run of the text. 0 = not yet encoded.
    /// </summary>
    private static readonly int[] GbkCodes = new int[char.MaxValue + 1];

    private static int GbkBytes(ReadOnlySpan<char> chars, Span<byte> bytes)
    {
        var length = 0;
        Span<byte> one = stackalloc byte[8];
        foreach (var ch in chars)
        {
            var code = GbkCodes[ch];
            if (code == 0)
            {
                var count = char.IsSurrogate(ch) ? 0 : Gbk.GetBytes([ch], one);
                if (count is not (1 or 2))
                {
                    return Gbk.GetBytes(chars, bytes); // not one whole character's bytes: encode the span as before
                }

                code = (count << 16) | (one[0] << 8) | (count == 2 ? one[1] : 0);
                GbkCodes[ch] = code;
            }

            bytes[length++] = (byte)(code >> 8);
            if (code >> 16 == 2)
            {
                bytes[length++] = (byte)code;
            }
        }

        return length;
    }

    private static string? Recover(string run)
    {
        var bytes = Gbk.GetBytes(run);

        // Find the longest stretch of whole UTF-8 sequences; mojibake may start mid-character, so try each offset.
        for (var offset = 0; offset < Math.Min(3, bytes.Length); offset++)
        {
            var end = offset;
            while (end + 3 <= bytes.Length && bytes[end] is >= 0xE0 and <= 0xEF && bytes[end + 1] is >= 0x80 and <= 0xBF && bytes[end + 2] is >= 0x80 and <= 0xBF)
            {
                end += 3;
            }

            if ((end - offset) / 3 >= MinimumRecovered)
            {
                // Checked before decoding: ordinary text does reach here, and a thrown DecoderFallbackException costs
                // more than the whole rule. Well-formed bytes decode strictly without throwing; others: keep looking.
                if (System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(offset, end - offset)))
                {
                    return StrictUtf8.GetString(bytes, offset, end - offset);
                }
            }
        }

        return null;
    }

    /// <summary>UTF-8 read as Latin-1 / Windows-1252: "å…¬å¼€" for 公开 — a lead byte letter then continuation bytes.</summary>
    [GeneratedRegex(@"(?:[\u00E4-\u00E9][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122¡-¿]{2}){2,}")]
    private static partial Regex Latin1Mojibake();
}
