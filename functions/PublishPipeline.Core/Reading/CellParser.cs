using System.Globalization;
using PublishPipeline.Reports;

namespace PublishPipeline.Reading;

/// <summary>
/// Turns the text of a table cell into a <see cref="CellValue"/>: clean integers and decimals become numbers, an empty
/// cell stays blank (blank is not 0), anything else is kept verbatim (trimmed) for rule C2 to report.
/// </summary>
internal static class CellParser
{
    public static CellValue Parse(string? text)
    {
        var trimmed = Trim(text);
        if (trimmed.Length == 0)
        {
            return CellValue.Blank;
        }

        return TryParseNumber(LabelText.FoldWidth(trimmed), out var number) ? CellValue.Of(number) : CellValue.OfText(trimmed);
    }

    /// <summary>
    /// Digits before the decimal point a cell may have and still be a number. No count or amount in a report comes
    /// near it, and below it no sum the rules make over every cell can overflow <see cref="decimal"/> (29 digits).
    /// </summary>
    public const int MaxIntegerDigits = 15;

    /// <summary>What <see cref="MaxIntegerDigits"/> keeps a number's magnitude below (the JSON reader holds cells to it too).</summary>
    public const decimal MaxMagnitude = 1_000_000_000_000_000m;

    /// <summary>
    /// A clean number: optional sign, digits, optional decimal part; nothing else (no units, no separators), and no more
    /// than <see cref="MaxIntegerDigits"/> digits before the point (longer is kept as text, which C2 reports).
    /// </summary>
    public static bool TryParseNumber(string text, out decimal number)
    {
        number = 0;
        var span = text.AsSpan().Trim();
        if (span.Length == 0)
        {
            return false;
        }

        var start = span[0] is '-' or '+' ? 1 : 0;
        var digits = 0;
        var dots = 0;
        for (var i = start; i < span.Length; i++)
        {
            var ch = span[i];
            if (char.IsAsciiDigit(ch))
            {
                digits++;
                if (dots == 0 && digits > MaxIntegerDigits)
                {
                    return false;
                }
            }
            else if (ch == '.' && dots == 0 && digits > 0 && i < span.Length - 1)
            {
                dots++;
            }
            else
            {
                return false;
            }
        }

        return digits > 0
            && decimal.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    public static string Trim(string? text) =>
        text is null ? "" : text.Trim().Trim('\u3000', '\u00A0', '\u200B', '\uFEFF').Trim();
}
