using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PublishPipeline.Reports;

/// <summary>
/// Character folding shared by the readers and the rules (CHECKS.md C5): the stored text keeps what the author
/// wrote; matching and number parsing see the folded form.
/// </summary>
public static class TextFolding
{
    /// <summary>
    /// Full-width ASCII to half-width, ideographic and no-break spaces to space, curly quotes to straight: each
    /// character as <see cref="FoldChar"/> gives it, eight at a time where the hardware allows, so prose is folded
    /// without a branch or an append per character.
    /// </summary>
    public static string FoldWidth(string text) => string.Create(text.Length, text, static (folded, source) =>
    {
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var input = MemoryMarshal.Cast<char, ushort>(source.AsSpan());
            var output = MemoryMarshal.Cast<char, ushort>(folded);
            for (; i + 8 <= input.Length; i += 8)
            {
                FoldLanes(Vector128.Create(input.Slice(i, 8))).CopyTo(output.Slice(i, 8));
            }
        }

        for (; i < source.Length; i++)
        {
            folded[i] = FoldChar(source[i]);
        }
    });

    public static char FoldChar(char ch) => ch switch
    {
        '\u3000' or '\u00A0' => ' ',
        >= '\uFF01' and <= '\uFF5E' => (char)(ch - 0xFEE0),
        '“' or '”' or '„' => '"',
        '‘' or '’' => '\'',
        _ => ch,
    };

    /// <summary><see cref="FoldChar"/> lane by lane: FF01–FF5E to ASCII, U+3000/U+00A0 to a space, curly quotes to straight.</summary>
    private static Vector128<ushort> FoldLanes(Vector128<ushort> v)
    {
        var fullWidth = InRange(v, 0xFF01, 0xFF5E);
        var space = Vector128.Equals(v, Vector128.Create((ushort)0x3000)) | Vector128.Equals(v, Vector128.Create((ushort)0x00A0));
        var single = InRange(v, 0x2018, 0x2019);
        var dbl = InRange(v, 0x201C, 0x201E);
        var result = Vector128.ConditionalSelect(fullWidth, v - Vector128.Create((ushort)0xFEE0), v);
        result = Vector128.ConditionalSelect(space, Vector128.Create((ushort)' '), result);
        result = Vector128.ConditionalSelect(single, Vector128.Create((ushort)'\''), result);
        return Vector128.ConditionalSelect(dbl, Vector128.Create((ushort)'"'), result);

        static Vector128<ushort> InRange(Vector128<ushort> v, ushort low, ushort high) =>
            Vector128.LessThanOrEqual(v - Vector128.Create(low), Vector128.Create((ushort)(high - low)));
    }
}
