using System.Text;

namespace PublishPipeline.Reading;

/// <summary>
/// Decodes a draft's bytes as a clerk's text editor would: UTF-8 (with or without BOM), UTF-16 LE/BE (with a BOM,
/// or without one when the NUL pattern of ASCII characters gives it away), and GB18030/GBK, which older Chinese
/// Windows tools still write and which is often mislabeled as UTF-8. It also spots mojibake (UTF-8 that was once
/// read as GBK and saved again, e.g. runs such as 闂備礁缍婂), which no decoder can repair (CHECKS.md I1).
/// </summary>
internal static class EncodingDetection
{
    public const string Utf8 = "UTF-8";
    public const string Utf16Le = "UTF-16LE";
    public const string Utf16Be = "UTF-16BE";
    public const string Gb18030 = "GB18030";

    // Enough of the file to see the NUL pattern of UTF-16 without scanning a whole large file.
    private const int SniffLength = 4096;

    // Mojibake is judged on runs of Han characters at least this long, so that ordinary text never trips it by chance
    // (a 4-character run re-encodes to valid UTF-8 with a probability of about 1e-5).
    private const int MojibakeRun = 4;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> StrictGb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    private static readonly Lazy<Encoding> LenientGb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    });

    /// <summary>The text and the encoding it was read in, or null when no supported encoding reads it cleanly.</summary>
    public static (string Text, string Encoding)? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Try(StrictUtf8, bytes[3..], Utf8);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Try(StrictUtf16Le, bytes[2..], Utf16Le);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Try(StrictUtf16Be, bytes[2..], Utf16Be);
        }

        if (Utf16WithoutBom(bytes) is { } utf16)
        {
            return utf16;
        }

        if (bytes.Contains((byte)0))
        {
            return null;
        }

        if (Try(StrictUtf8, bytes, Utf8) is { } utf8)
        {
            return utf8;
        }

        // Not UTF-8: GBK/GB18030 is the one legacy encoding Chinese drafts come in. Accept it only when it reads as
        // plausible Chinese text, so that arbitrary binary is still refused.
        return Try(StrictGb18030.Value, bytes, Gb18030) is { } gb && LooksLikeChineseText(gb.Text) ? gb : null;
    }

    /// <summary>Whether the text holds runs of Han characters that are really UTF-8 bytes once read as GBK.</summary>
    public static bool HasMojibake(string text)
    {
        var gb = LenientGb18030.Value;
        var runStart = -1;
        var found = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var han = i < text.Length && IsHan(text[i]);
            if (han)
            {
                if (runStart < 0)
                {
                    runStart = i;
                }

                continue;
            }

            if (runStart >= 0 && i - runStart >= MojibakeRun && IsUtf8ReadAsGbk(gb, text.AsSpan(runStart, i - runStart)))
            {
                found++;
                if (found >= 1)
                {
                    return true;
                }
            }

            runStart = -1;
        }

        return false;
    }

    private static bool IsUtf8ReadAsGbk(Encoding gb, ReadOnlySpan<char> run)
    {
        // No exceptions on this path: it runs over every Han run of every draft. Every Han character has a GB18030 form.
        Span<byte> buffer = stackalloc byte[256];
        var slice = run.Length > 64 ? run[..64] : run;
        var count = gb.GetBytes(slice, buffer);

        // A run cut from a longer text need not end on a UTF-8 character boundary: judge whole 3-byte sequences.
        var usable = count - (count % 3);
        if (usable < 6 || !System.Text.Unicode.Utf8.IsValid(buffer[..usable]))
        {
            return false;
        }

        Span<char> decoded = stackalloc char[usable];
        var length = StrictUtf8.GetChars(buffer[..usable], decoded);
        foreach (var ch in decoded[..length])
        {
            if (!IsHan(ch))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// BOM-less UTF-16: NUL bytes (from line ends, digits, and Han characters such as 开 U+5F00) in an even-length file.
    /// Both byte orders are tried strictly and the one that reads as plausible text wins; binary reads as neither.
    /// </summary>
    private static (string Text, string Encoding)? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes.Length > SniffLength ? bytes[..SniffLength] : bytes;
        if (bytes.Length % 2 != 0 || !sample.Contains((byte)0))
        {
            return null;
        }

        var little = Try(StrictUtf16Le, bytes, Utf16Le);
        if (little is { } le && LooksLikeText(le.Text))
        {
            return le;
        }

        var big = Try(StrictUtf16Be, bytes, Utf16Be);
        return big is { } be && LooksLikeText(be.Text) ? be : null;
    }

    private static bool LooksLikeText(string text) => LooksLikeChineseText(text) || text.All(ch => ch is >= ' ' and < '\u007F' or '\t' or '\n' or '\r');

    private static (string Text, string Encoding)? Try(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            var text = encoding.GetString(bytes);
            return HasControlCharacters(text) ? null : (text, name);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool LooksLikeChineseText(string text)
    {
        int han = 0, plausible = 0;
        foreach (var ch in text)
        {
            if (IsHan(ch))
            {
                han++;
                plausible++;
            }
            else if (ch < 0x80 || ch is >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF' or '“' or '”' or '‘' or '’' or '—' or '…' or '·')
            {
                plausible++;
            }
        }

        // Common Han characters sit in GB2312's first levels; random bytes land in rare characters and symbols too,
        // but the strict decode plus this ratio is what separates a GBK draft from binary.
        return han > 0 && plausible * 100 >= text.Length * 97;
    }

    private static bool IsHan(char ch) => ch is >= '\u4E00' and <= '\u9FFF';

    private static bool HasControlCharacters(string text)
    {
        foreach (var ch in text)
        {
            if (ch < ' ' && ch is not ('\t' or '\n' or '\r' or '\f'))
            {
                return true;
            }
        }

        return false;
    }
}
