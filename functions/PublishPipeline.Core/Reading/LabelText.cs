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
    /// The folded key of a text an s2twp converter printed, with its Taiwan wording folded back to the mainland's
    /// (政府資訊公開 → 政府信息公开, 規範性檔案 → 规范性文件, OpenCC's TWPhrases read the other way), or null when
    /// <paramref name="original"/> holds no traditional-only character (a simplified text is never folded back) or
    /// nothing changes. A second key, tried after <paramref name="folded"/>: the way back is not one to one (s2twp prints
    /// both 查找 and 查询 as 查詢), so a mainland word a character-by-character mirror kept must still match as printed.
    /// </summary>
    public static string? FoldTaiwan(string folded, string original)
    {
        if (original.AsSpan().IndexOfAny(ChineseConversion.TraditionalOnly) < 0)
        {
            return null;
        }

        var mainland = ChineseConversion.FromTaiwanPhrases(folded);
        return ReferenceEquals(mainland, folded) || mainland == folded ? null : mainland;
    }

    /// <summary>
    /// Whether a folded text holds a mainland phrase (政府信息公开), as written or, in a converted text, in the Taiwan
    /// wording s2twp prints for it (政府資訊公開).
    /// </summary>
    public static bool ContainsPhrase(string folded, string original, string phrase) =>
        folded.Contains(phrase, StringComparison.Ordinal) || (FoldTaiwan(folded, original) is { } mainland && mainland.Contains(phrase, StringComparison.Ordinal));

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
