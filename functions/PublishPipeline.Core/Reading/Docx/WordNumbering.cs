using System.Globalization;
using System.Text;
using System.Xml;

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
    private readonly Dictionary<string, StyleNumbering> styles = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int?[]> counters = [];
    private readonly HashSet<int> overridesApplied = [];

    /// <summary>Reads numbering.xml and styles.xml (either may be absent); the readers are positioned before their root.</summary>
    public WordNumbering(XmlReader? numbering, XmlReader? styleDefinitions, DocxReadLimits limits)
    {
        if (styleDefinitions is not null && Root(styleDefinitions, "styles", limits))
        {
            WordXml.Children(styleDefinitions, limits, child =>
            {
                if (WordXml.Is(child, "style") && WordXml.Attribute(child, "styleId") is { } id)
                {
                    var style = ReadStyle(child, limits);
                    styles.TryAdd(id, style);
                }
                else
                {
                    WordXml.Skip(child, limits);
                }
            });
        }

        if (numbering is not null && Root(numbering, "numbering", limits))
        {
            WordXml.Children(numbering, limits, child =>
            {
                if (WordXml.Is(child, "abstractNum"))
                {
                    ReadAbstractNum(child, limits);
                }
                else if (WordXml.Is(child, "num"))
                {
                    ReadInstance(child, limits);
                }
                else
                {
                    WordXml.Skip(child, limits);
                }
            });
        }
    }

    /// <summary>The number text of a paragraph in document order (advancing the counters), or "" when it has none.</summary>
    public string Next(ParagraphNumbering paragraph)
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

    /// <summary>
    /// Reads a w:pPr (the reader on its start tag): the first w:numPr's numId and ilvl, and w:pStyle. Only the first of
    /// each counts, as Word (and the Open XML SDK before this reader) take them.
    /// </summary>
    public static ParagraphNumbering ReadProperties(XmlReader reader, DocxReadLimits limits)
    {
        int? numId = null;
        int? level = null;
        string? styleId = null;
        var sawNumbering = false;
        var sawStyle = false;
        WordXml.Children(reader, limits, child =>
        {
            if (!sawNumbering && WordXml.Is(child, "numPr"))
            {
                sawNumbering = true;
                (numId, level) = ReadNumPr(child, limits);
            }
            else if (!sawStyle && WordXml.Is(child, "pStyle"))
            {
                sawStyle = true;
                styleId = WordXml.Attribute(child, "val");
                WordXml.Skip(child, limits);
            }
            else
            {
                WordXml.Skip(child, limits);
            }
        });
        return new ParagraphNumbering(numId, level, styleId);
    }

    private static (int? NumId, int? Level) ReadNumPr(XmlReader reader, DocxReadLimits limits)
    {
        int? numId = null;
        int? level = null;
        bool sawNumId = false, sawLevel = false;
        WordXml.Children(reader, limits, child =>
        {
            if (!sawNumId && WordXml.Is(child, "numId"))
            {
                sawNumId = true;
                numId = WordXml.IntAttribute(child, "val");
            }
            else if (!sawLevel && WordXml.Is(child, "ilvl"))
            {
                sawLevel = true;
                level = WordXml.IntAttribute(child, "val");
            }

            WordXml.Skip(child, limits);
        });
        return (numId, level);
    }

    private static bool Root(XmlReader reader, string localName, DocxReadLimits limits)
    {
        reader.MoveToContent();
        WordXml.CheckDepth(reader, limits);
        return WordXml.Is(reader, localName);
    }

    private static StyleNumbering ReadStyle(XmlReader reader, DocxReadLimits limits)
    {
        ParagraphNumbering? properties = null;
        string? basedOn = null;
        var sawBasedOn = false;
        WordXml.Children(reader, limits, child =>
        {
            if (properties is null && WordXml.Is(child, "pPr"))
            {
                properties = ReadProperties(child, limits);
            }
            else if (!sawBasedOn && WordXml.Is(child, "basedOn"))
            {
                sawBasedOn = true;
                basedOn = WordXml.Attribute(child, "val");
                WordXml.Skip(child, limits);
            }
            else
            {
                WordXml.Skip(child, limits);
            }
        });
        return new StyleNumbering(properties?.NumId, properties?.Level, basedOn);
    }

    private void ReadAbstractNum(XmlReader reader, DocxReadLimits limits)
    {
        var abstractId = WordXml.IntAttribute(reader, "abstractNumId");
        var levels = new Dictionary<int, LevelFormat>();
        WordXml.Children(reader, limits, child =>
        {
            if (WordXml.Is(child, "lvl") && WordXml.IntAttribute(child, "ilvl") is { } index and >= 0 and < Levels)
            {
                levels[index] = ReadLevel(child, limits);
            }
            else
            {
                WordXml.Skip(child, limits);
            }
        });

        if (abstractId is { } id)
        {
            abstractLevels.TryAdd(id, levels);
        }
    }

    private static LevelFormat ReadLevel(XmlReader reader, DocxReadLimits limits)
    {
        int? start = null;
        string? numberFormat = null;
        string? text = null;
        bool sawStart = false, sawFormat = false, sawText = false;
        WordXml.Children(reader, limits, child =>
        {
            if (!sawStart && WordXml.Is(child, "start"))
            {
                sawStart = true;
                start = WordXml.IntAttribute(child, "val");
            }
            else if (!sawFormat && WordXml.Is(child, "numFmt"))
            {
                sawFormat = true;
                numberFormat = WordXml.Attribute(child, "val");
            }
            else if (!sawText && WordXml.Is(child, "lvlText"))
            {
                sawText = true;
                text = WordXml.Attribute(child, "val");
            }

            WordXml.Skip(child, limits);
        });
        return new LevelFormat(start ?? 0, numberFormat ?? "decimal", text ?? "");
    }

    private void ReadInstance(XmlReader reader, DocxReadLimits limits)
    {
        var numId = WordXml.IntAttribute(reader, "numId");
        int? abstractId = null;
        var sawAbstractId = false;
        var overrides = new Dictionary<int, int>();
        WordXml.Children(reader, limits, child =>
        {
            if (!sawAbstractId && WordXml.Is(child, "abstractNumId"))
            {
                sawAbstractId = true;
                abstractId = WordXml.IntAttribute(child, "val");
                WordXml.Skip(child, limits);
            }
            else if (WordXml.Is(child, "lvlOverride"))
            {
                var index = WordXml.IntAttribute(child, "ilvl");
                var start = FirstVal(child, "startOverride", limits);
                if (index is { } i && start is { } s)
                {
                    overrides[i] = s;
                }
            }
            else
            {
                WordXml.Skip(child, limits);
            }
        });

        if (numId is { } id && abstractId is { } abstractNumId)
        {
            instances.TryAdd(id, (abstractNumId, overrides));
        }
    }

    /// <summary>The w:val of the first child named <paramref name="localName"/>; consumes the element the reader is on.</summary>
    private static int? FirstVal(XmlReader reader, string localName, DocxReadLimits limits)
    {
        int? value = null;
        var seen = false;
        WordXml.Children(reader, limits, child =>
        {
            if (!seen && WordXml.Is(child, localName))
            {
                seen = true;
                value = WordXml.IntAttribute(child, "val");
            }

            WordXml.Skip(child, limits);
        });
        return value;
    }

    private (int? NumId, int Level) NumberingOf(ParagraphNumbering paragraph)
    {
        if (paragraph.NumId is { } directId)
        {
            return (directId, paragraph.Level ?? 0);
        }

        var styleId = paragraph.StyleId;
        for (var step = 0; styleId is not null && step < MaxStyleChain; step++)
        {
            if (!styles.TryGetValue(styleId, out var style))
            {
                break;
            }

            if (style.NumId is { } styleNumId)
            {
                return (styleNumId, style.Level ?? 0);
            }

            styleId = style.BasedOn;
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

    /// <summary>The numbering a paragraph style carries in its own w:pPr, and the style it is based on.</summary>
    private sealed record StyleNumbering(int? NumId, int? Level, string? BasedOn);
}
