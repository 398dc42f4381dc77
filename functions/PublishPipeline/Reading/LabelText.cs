using System.Text;
using PublishPipeline.Reports;

namespace PublishPipeline.Reading;

/// <summary>
/// Folds label text so that the variants seen in real reports compare equal (CHECKS.md C5): full/half width,
/// whitespace and line breaks inside cells, quote styles, and the traditional characters that occur in table labels.
/// </summary>
internal static class LabelText
{
    // Traditional characters seen in mirrored reports (FORMAT.md §9; the corpus mirrors 沅陵, 柞水, 北坡) and their
    // near neighbours in report wording; only those, not a general converter.
    private const string Traditional = "規範處決數總計萬項條許強罰費採購額請開屬國機關執複議訴訟結據報權護過類構體團務資訊辦舉審維糾盡產內廢現徵補應稱險穩緣號們會對發門責級縣鄉鎮區書來為與無個經說諮詢況問題進實動業設組織網戶綜單見傳則堅將導復徹態時眾簡統編義習聯華話讀貫載轉郵間閱電預領鳳點黨準製並當參歸隱確認獲擔雜頻負層樣雙變圍從價錄續繳沒齊衛醫藥學師營";
    private const string Simplified = "规范处决数总计万项条许强罚费采购额请开属国机关执复议诉讼结据报权护过类构体团务资讯办举审维纠尽产内废现征补应称险稳缘号们会对发门责级县乡镇区书来为与无个经说咨询况问题进实动业设组织网户综单见传则坚将导复彻态时众简统编义习联华话读贯载转邮间阅电预领凤点党准制并当参归隐确认获担杂频负层样双变围从价录续缴没齐卫医药学师营";

    private static readonly Dictionary<char, char> TraditionalMap = BuildTraditionalMap();

    /// <summary>Full-width ASCII to half-width, ideographic space to space, curly quotes to straight.</summary>
    public static string FoldWidth(string text) => TextFolding.FoldWidth(text);

    /// <summary>Traditional→simplified for the label characters only, keeping every position (for cutting the original).</summary>
    public static string Simplify(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (TraditionalMap.TryGetValue(chars[i], out var simple))
            {
                chars[i] = simple;
            }
        }

        return new string(chars);
    }

    /// <summary>
    /// The comparison key of a label: width-folded, traditional→simplified for label characters, with all whitespace,
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

            if (TraditionalMap.TryGetValue(ch, out var simple))
            {
                ch = simple;
            }

            builder.Append(ch);
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

    private static Dictionary<char, char> BuildTraditionalMap()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i < Traditional.Length; i++)
        {
            map.TryAdd(Traditional[i], Simplified[i]);
        }

        return map;
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
