namespace PublishPipeline.Validation.Narrative;

/// <summary>Counts as reports write them: 57, ５７ (folded before), 一, 两, 十二, 一百零三.</summary>
internal static class ChineseNumber
{
    public static decimal? Parse(string token)
    {
        if (token.Length == 0)
        {
            return null;
        }

        if (char.IsAsciiDigit(token[0]))
        {
            return decimal.TryParse(token, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : null;
        }

        decimal total = 0;
        decimal digit = 0;
        foreach (var ch in token)
        {
            var d = Digit(ch);
            if (d >= 0)
            {
                digit = d;
                continue;
            }

            var unit = ch switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0)
            {
                return null;
            }

            total += (digit == 0 ? 1 : digit) * unit;
            digit = 0;
        }

        return total + digit;
    }

    private static int Digit(char ch) => ch switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };
}
