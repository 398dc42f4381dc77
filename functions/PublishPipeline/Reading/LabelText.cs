using System.Text;
using PublishPipeline.Reports;

namespace PublishPipeline.Reading;

/// <summary>
/// Folds label text so that the variants seen in real reports compare equal (CHECKS.md C5): full/half width,
/// whitespace and line breaks inside cells, quote styles, and traditional characters (OpenCC's table, <see cref="ChineseConversion"/>).
/// </summary>
internal static class LabelText
{
    /// <summary>Full-width ASCII to half-width, ideographic space to space, curly quotes to straight.</summary>
    public static string FoldWidth(string text) => TextFolding.FoldWidth(text);

    /// <summary>Traditional→simplified, keeping every position (for cutting the original).</summary>
    public static string Simplify(string text) => ChineseConversion.Simplify(text);

    /// <summary>
    /// The comparison key of a label: width-folded, traditional→simplified, with all whitespace,
    /// quotes and the enumeration comma variants removed.
    /// </summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var raw = text[i];
            if (PinyinAnnotationLength(text, i) is var skip and > 0)
            {
                // Mirror sites annotate characters with pinyin, "規(guī)章": the annotation is not part of the label.
                i += skip - 1;
                continue;
            }

            var ch = TextFolding.FoldChar(raw);
            if (char.IsWhiteSpace(ch) || ch is '"' or '\'' or '“' or '”' or '‘' or '’')
            {
                continue;
            }

            builder.Append(ChineseConversion.FoldForLabel(ch));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The label without its leading enumeration ("一、", "(三)", "1.") and without a trailing parenthetical note
    /// ("部分公开(区分处理的…)", "规章(县级无此项)"); input must already be folded.
    /// </summary>
    public static string Core(string folded)
    {
        var text = StripEnumeration(folded);
        if (text.EndsWith(')'))
        {
            var open = text.LastIndexOf('(');
            if (open > 0)
            {
                text = text[..open];
            }
        }

        return text;
    }

    /// <summary>Removes one leading enumeration: Chinese numeral + 、, a parenthesised numeral, or a digit + . / 、.</summary>
    public static string StripEnumeration(string folded)
    {
        var text = folded;
        if (text.Length >= 3 && text[0] == '(')
        {
            var close = text.IndexOf(')');
            if (close is > 1 and <= 4 && IsNumeral(text.AsSpan(1, close - 1)))
            {
                return text[(close + 1)..];
            }
        }

        var i = 0;
        while (i < text.Length && (IsChineseNumeral(text[i]) || char.IsAsciiDigit(text[i])))
        {
            i++;
        }

        if (i > 0 && i < text.Length && text[i] is '、' or '.' or ',')
        {
            return text[(i + 1)..];
        }

        return text;
    }

    /// <summary>The leading sub-row number of a folded label such as "1.属于国家秘密", or 0.</summary>
    public static int LeadingNumber(string folded)
    {
        var i = 0;
        var value = 0;
        while (i < folded.Length && char.IsAsciiDigit(folded[i]))
        {
            value = (value * 10) + (folded[i] - '0');
            i++;
        }

        return i > 0 && i < folded.Length && folded[i] is '.' or '、' or ',' ? value : 0;
    }

    public static bool IsChineseNumeral(char ch) => "一二三四五六七八九十".Contains(ch);

    private static bool IsNumeral(ReadOnlySpan<char> span)
    {
        foreach (var ch in span)
        {
            if (!IsChineseNumeral(ch) && !char.IsAsciiDigit(ch))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text with its "(guī)"-style pinyin annotations removed, everything else as written.</summary>
    public static string WithoutPinyin(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (PinyinAnnotationLength(text, i) is var skip and > 0)
            {
                i += skip - 1;
                continue;
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }

    /// <summary>The length of a "(guī)"-style pinyin annotation starting at <paramref name="at"/>, or 0.</summary>
    private static int PinyinAnnotationLength(string text, int at)
    {
        if (text[at] is not ('(' or '（') || at == 0 || text[at - 1] < '\u4E00')
        {
            return 0;
        }

        var j = at + 1;
        var toneMarked = false;
        while (j < text.Length && j - at <= 7 && (char.IsAsciiLetterLower(text[j]) || text[j] is >= '\u00C0' and <= '\u024F'))
        {
            toneMarked |= text[j] > '\u007F';
            j++;
        }

        // Only tone-marked syllables: "(abc)" in a label is more likely an English note than pinyin.
        return j < text.Length && j > at + 1 && toneMarked && text[j] is ')' or '）' ? j - at + 1 : 0;
    }
}
