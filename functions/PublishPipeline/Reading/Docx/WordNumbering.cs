using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PublishPipeline.Reading.Docx;

/// <summary>
/// Renders the number Word draws before a list paragraph ("一、", "（一）", "1.") from numbering.xml, so that a heading
/// numbered automatically reads like one typed by hand. Numbers come from the paragraph's own numPr or its style's
/// (following basedOn); counters are kept per abstract list, as Word shares them between its instances.
/// </summary>
internal sealed class WordNumbering
{
    private const int Levels = 9;
    private const int MaxStyleChain = 16;

    private readonly Dictionary<int, Dictionary<int, LevelFormat>> abstractLevels = [];
    private readonly Dictionary<int, (int AbstractId, Dictionary<int, int> StartOverrides)> instances = [];
    private readonly Dictionary<string, Style> styles = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int?[]> counters = [];
    private readonly HashSet<int> overridesApplied = [];

    public WordNumbering(Numbering? numbering, Styles? styleDefinitions)
    {
        foreach (var style in styleDefinitions?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id)
            {
                styles.TryAdd(id, style);
            }
        }

        if (numbering is null)
        {
            return;
        }

        foreach (var abstractNum in numbering.Elements<AbstractNum>())
        {
            if (abstractNum.AbstractNumberId?.Value is not { } abstractId)
            {
                continue;
            }

            var levels = new Dictionary<int, LevelFormat>();
            foreach (var level in abstractNum.Elements<Level>())
            {
                if (level.LevelIndex?.Value is { } index and >= 0 and < Levels)
                {
                    levels[index] = new LevelFormat(
                        level.StartNumberingValue?.Val?.Value ?? 0,
                        level.NumberingFormat?.Val?.InnerText ?? "decimal",
                        level.LevelText?.Val?.Value ?? "");
                }
            }

            abstractLevels.TryAdd(abstractId, levels);
        }

        foreach (var instance in numbering.Elements<NumberingInstance>())
        {
            if (instance.NumberID?.Value is not { } numId || instance.AbstractNumId?.Val?.Value is not { } abstractId)
            {
                continue;
            }

            var overrides = new Dictionary<int, int>();
            foreach (var levelOverride in instance.Elements<LevelOverride>())
            {
                if (levelOverride.LevelIndex?.Value is { } index && levelOverride.StartOverrideNumberingValue?.Val?.Value is { } start)
                {
                    overrides[index] = start;
                }
            }

            instances.TryAdd(numId, (abstractId, overrides));
        }
    }

    /// <summary>The number text of a paragraph in document order (advancing the counters), or "" when it has none.</summary>
    public string Next(Paragraph paragraph)
    {
        var (numId, level) = NumberingOf(paragraph);
        if (numId is not { } id || id == 0 || !instances.TryGetValue(id, out var instance)
            || !abstractLevels.TryGetValue(instance.AbstractId, out var levels) || !levels.TryGetValue(level, out var format))
        {
            return "";
        }

        if (!counters.TryGetValue(instance.AbstractId, out var counter))
        {
            counter = new int?[Levels];
            counters[instance.AbstractId] = counter;
        }

        // A list instance with a start override restarts the shared counters the first time it is used.
        if (instance.StartOverrides.Count > 0 && overridesApplied.Add(id))
        {
            foreach (var (overrideLevel, start) in instance.StartOverrides)
            {
                if (overrideLevel is >= 0 and < Levels)
                {
                    counter[overrideLevel] = start - 1;
                }
            }
        }

        counter[level] = counter[level] is { } current ? current + 1 : format.Start;
        for (var deeper = level + 1; deeper < Levels; deeper++)
        {
            counter[deeper] = null;
        }

        return Render(format, levels, counter);
    }

    private (int? NumId, int Level) NumberingOf(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        if (properties?.NumberingProperties is { } direct && direct.NumberingId?.Val?.Value is { } directId)
        {
            return (directId, direct.NumberingLevelReference?.Val?.Value ?? 0);
        }

        var styleId = properties?.ParagraphStyleId?.Val?.Value;
        for (var step = 0; styleId is not null && step < MaxStyleChain; step++)
        {
            if (!styles.TryGetValue(styleId, out var style))
            {
                break;
            }

            if (style.StyleParagraphProperties?.NumberingProperties is { } fromStyle && fromStyle.NumberingId?.Val?.Value is { } styleNumId)
            {
                return (styleNumId, fromStyle.NumberingLevelReference?.Val?.Value ?? 0);
            }

            styleId = style.BasedOn?.Val?.Value;
        }

        return (null, 0);
    }

    private static string Render(LevelFormat format, Dictionary<int, LevelFormat> levels, int?[] counter)
    {
        if (format.NumberFormat == "bullet")
        {
            return "";
        }

        var text = new StringBuilder(format.Text.Length + 4);
        for (var i = 0; i < format.Text.Length; i++)
        {
            var ch = format.Text[i];
            if (ch == '%' && i + 1 < format.Text.Length && format.Text[i + 1] is >= '1' and <= '9')
            {
                var referenced = format.Text[++i] - '1';
                var referencedFormat = levels.GetValueOrDefault(referenced, format);
                text.Append(Format(counter[referenced] ?? referencedFormat.Start, referencedFormat.NumberFormat));
                continue;
            }

            text.Append(ch);
        }

        return text.ToString();
    }

    private static string Format(int value, string numberFormat) => numberFormat switch
    {
        "none" => "",
        "chineseCounting" or "chineseCountingThousand" or "taiwaneseCounting" or "taiwaneseCountingThousand"
            or "japaneseCounting" or "ideographLegalTraditional" => ChineseCounting(value),
        "chineseLegalSimplified" => ChineseCounting(value).Replace('一', '壹').Replace('二', '贰').Replace('三', '叁')
            .Replace('四', '肆').Replace('五', '伍').Replace('六', '陆').Replace('七', '柒').Replace('八', '捌').Replace('九', '玖').Replace('十', '拾'),
        "ideographDigital" or "taiwaneseDigital" or "japaneseDigitalTenThousand" =>
            string.Concat(value.ToString(CultureInfo.InvariantCulture).Select(d => "〇一二三四五六七八九"[d - '0'])),
        "ideographTraditional" => value is >= 1 and <= 10 ? "甲乙丙丁戊己庚辛壬癸"[value - 1].ToString() : ChineseCounting(value),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" => value is >= 1 and <= 20 ? ((char)('①' + value - 1)).ToString() : Arabic(value),
        "decimalFullWidth" or "decimalFullWidth2" => TextFoldingFullWidth(Arabic(value)),
        "decimalZero" => value is >= 0 and < 10 ? "0" + Arabic(value) : Arabic(value),
        "upperLetter" => Letter(value, 'A'),
        "lowerLetter" => Letter(value, 'a'),
        "upperRoman" => Roman(value),
        "lowerRoman" => Roman(value).ToLowerInvariant(),
        _ => Arabic(value),
    };

    private static string Arabic(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string TextFoldingFullWidth(string digits) => string.Concat(digits.Select(d => (char)(d - '0' + '０')));

    private static string ChineseCounting(int value)
    {
        const string Digits = "〇一二三四五六七八九";
        if (value is < 0 or > 9999)
        {
            return Arabic(value);
        }

        if (value < 10)
        {
            return Digits[value].ToString();
        }

        if (value < 100)
        {
            var tens = value / 10;
            var ones = value % 10;
            return (tens == 1 ? "" : Digits[tens].ToString()) + "十" + (ones == 0 ? "" : Digits[ones].ToString());
        }

        var text = new StringBuilder();
        var units = new[] { (1000, "千"), (100, "百"), (10, "十") };
        var rest = value;
        var zero = false;
        foreach (var (unit, name) in units)
        {
            var digit = rest / unit;
            rest %= unit;
            if (digit > 0)
            {
                if (zero)
                {
                    text.Append('〇');
                    zero = false;
                }

                text.Append(Digits[digit]).Append(name);
            }
            else if (text.Length > 0)
            {
                zero = true;
            }
        }

        if (rest > 0)
        {
            if (zero)
            {
                text.Append('〇');
            }

            text.Append(Digits[rest]);
        }

        return text.ToString();
    }

    private static string Letter(int value, char first)
    {
        if (value <= 0)
        {
            return Arabic(value);
        }

        var letter = (char)(first + ((value - 1) % 26));
        return new string(letter, ((value - 1) / 26) + 1);
    }

    private static string Roman(int value)
    {
        if (value is <= 0 or >= 4000)
        {
            return Arabic(value);
        }

        var numerals = new (int Value, string Text)[]
        {
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        };
        var text = new StringBuilder();
        foreach (var (unit, numeral) in numerals)
        {
            while (value >= unit)
            {
                text.Append(numeral);
                value -= unit;
            }
        }

        return text.ToString();
    }

    private sealed record LevelFormat(int Start, string NumberFormat, string Text);
}
