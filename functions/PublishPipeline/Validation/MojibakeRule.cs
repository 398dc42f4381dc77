using System.Text;
using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation;

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
            if (!IsSuspect(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            i = RunEnd(text, i);

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
    /// The end of the run of suspect characters starting at <paramref name="from"/>: ideographs are skipped a vector at a
    /// time (prose is almost all ideographs), and only the character that stops the skip is tested one by one.
    /// </summary>
    private static int RunEnd(string text, int from)
    {
        var i = from;
        while (i < text.Length)
        {
            var other = text.AsSpan(i).IndexOfAnyExceptInRange('\u4E00', '\u9FFF');
            if (other < 0)
            {
                return text.Length;
            }

            i += other;
            if (!IsSuspect(text[i]))
            {
                return i;
            }

            i++;
        }

        return i;
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
        var length = Gbk.GetBytes(run[..Math.Min(run.Length, Needed)], bytes);
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
                try
                {
                    return StrictUtf8.GetString(bytes, offset, end - offset);
                }
                catch (DecoderFallbackException)
                {
                    // Not UTF-8 after all: keep looking.
                }
            }
        }

        return null;
    }

    /// <summary>UTF-8 read as Latin-1 / Windows-1252: "å…¬å¼€" for 公开 — a lead byte letter then continuation bytes.</summary>
    [GeneratedRegex(@"(?:[\u00E4-\u00E9][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122¡-¿]{2}){2,}")]
    private static partial Regex Latin1Mojibake();
}
