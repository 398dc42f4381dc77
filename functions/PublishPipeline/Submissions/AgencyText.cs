using System.Globalization;
using System.Text;

namespace PublishPipeline.Submissions;

/// <summary>
/// What a directory's text (an agency's name, region, level, supervising office) may hold: any printable text,
/// Chinese punctuation included (（）《》〈〉【】「」、), but no <c>&lt;</c> or <c>&gt;</c>, which open and close markup
/// and belong in no agency's name, and no invisible characters (control characters; format characters such as
/// right-to-left overrides and zero-width spaces), which make a name look like another. Pages and emails escape
/// what they print anyway; this keeps the directory itself clean.
/// </summary>
public static class AgencyText
{
    /// <summary>Why <paramref name="value"/> is not directory text (Chinese, naming the character and where it is); null when it is.</summary>
    public static string? Problem(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var position = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(value);
        while (enumerator.MoveNext())
        {
            position++;
            var element = (string)enumerator.Current;
            foreach (var rune in element.EnumerateRunes())
            {
                if (rune.Value is '<' or '>')
                {
                    return $"第 {position} 个字符为「{(char)rune.Value}」：名录中不能含有标记字符 < 或 >（如 <script>），请删去";
                }

                var category = Rune.GetUnicodeCategory(rune);
                if (category is UnicodeCategory.Control or UnicodeCategory.Format)
                {
                    return $"第 {position} 个字符为不可见的{(category == UnicodeCategory.Control ? "控制字符" : "格式字符")} U+{rune.Value:X4}（如换行、从右到左标记、零宽空格），请删去";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Refuses an agency whose text fields are not directory text, for code that writes agencies without the CSV
    /// (which reports the same problems with their line and column).
    /// </summary>
    /// <exception cref="ArgumentException">naming the agency, the field and the character.</exception>
    public static void EnsureClean(Agency agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        foreach (var (field, value) in new[]
        {
            (AgencyCsv.NameColumn, agency.Name),
            (AgencyCsv.RegionColumn, agency.Region),
            (AgencyCsv.LevelColumn, agency.Level),
            (AgencyCsv.SupervisingOfficeColumn, agency.SupervisingOffice),
        })
        {
            if (Problem(value ?? "") is { } problem)
            {
                throw new ArgumentException($"机构「{agency.Id}」的 {field}：{problem}", nameof(agency));
            }
        }
    }
}
