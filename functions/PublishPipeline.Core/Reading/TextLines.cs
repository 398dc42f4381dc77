namespace PublishPipeline.Reading;

/// <summary>
/// The lines of a plain-text report with what a conversion added and the report never printed taken out, each kept
/// with its line number in the original: markdown markup ("## 一、总体情况", "**（一）…**"), page markers of a PDF or a scan
/// ("— 4 —", "- 4 -", "第4页"), header characters stacked one a line by a narrow PDF column ("结 结 其" ⏎ "果 果 他"), a
/// converter's made-up header row ("| 数据1 | 数据2 |"), and a "|" row broken inside a cell over two lines.
/// </summary>
internal static class TextLines
{
    /// <summary>The text's lines, whatever its line ends (CR LF, LF, a lone CR).</summary>
    public static string[] Split(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

    public static (string[] Lines, int[] Numbers) Prepare(string text)
    {
        var raw = Split(text);
        var lines = new List<string>(raw.Length);
        var numbers = new List<int>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var line = raw[i];
            if (line.StartsWith('\t'))
            {
                lines.Add(line);
                numbers.Add(i + 1);
                continue;
            }

            if (IsPageMarker(line) || IsStackedHeader(line) || IsGeneratedHeader(line))
            {
                continue;
            }

            line = WithoutMarkup(line);
            if (i + 1 < raw.Length && IsBrokenRowHead(line, raw[i + 1]))
            {
                // "| 一、本年新收政府信" ⏎ "息公开申请数量 | 49 | …": one row, broken inside its cell.
                line = line.TrimEnd() + raw[i + 1].Trim();
                lines.Add(line);
                numbers.Add(i + 1);
                i++;
                continue;
            }

            lines.Add(line);
            numbers.Add(i + 1);
        }

        return ([.. lines], [.. numbers]);
    }

    /// <summary>"— 4 —", "- 12 -", "－ 3 －", "第4页", "第 4 页 共 9 页": a page number on a line of its own.</summary>
    public static bool IsPageMarker(string line)
    {
        // Most lines are far longer than a page marker: tell them apart before folding anything.
        if (line.AsSpan().Trim().Length is < 3 or > 16)
        {
            return false;
        }

        var text = LabelText.FoldWidth(line).Trim();
        if (text.Length is < 3 or > 16)
        {
            return false;
        }

        var i = 0;
        if (text[0] == '第')
        {
            i = SkipSpaces(text, 1);
            var digits = SkipDigits(text, i);
            if (digits == i)
            {
                return false;
            }

            i = SkipSpaces(text, digits);
            if (i >= text.Length || text[i] != '页')
            {
                return false;
            }

            var rest = text[(i + 1)..].Trim().TrimStart(',', '/', '，').Trim();
            return rest.Length == 0 || (rest.StartsWith('共') && rest.EndsWith('页') && rest[1..^1].Trim().All(char.IsAsciiDigit));
        }

        var dashes = SkipDashes(text, 0);
        if (dashes == 0)
        {
            return false;
        }

        i = SkipSpaces(text, dashes);
        var end = SkipDigits(text, i);
        if (end == i)
        {
            return false;
        }

        i = SkipSpaces(text, end);
        return SkipDashes(text, i) is var after && after > i && after == text.Length;
    }

    /// <summary>Two or more single characters separated by spaces, all Chinese: a header read across stacked characters.</summary>
    private static bool IsStackedHeader(string line)
    {
        // Scanned in place, without splitting: this runs on every line of every text draft.
        var tokens = 0;
        var inToken = false;
        foreach (var c in line)
        {
            if (c is ' ' or '\t' or '\u3000')
            {
                inToken = false;
                continue;
            }

            if (inToken || c is < '\u4E00' or > '\u9FFF' || LabelText.IsChineseNumeral(c))
            {
                return false;
            }

            inToken = true;
            tokens++;
        }

        return tokens >= 2;
    }

    /// <summary>"| 数据1 | 数据2 | … |", "| 列1 | 列2 |", "| Column1 |": a header a converter made up for a table without one.</summary>
    private static bool IsGeneratedHeader(string line)
    {
        if (!line.Contains('|', StringComparison.Ordinal))
        {
            return false;
        }

        var cells = line.Split('|').Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        return cells.Count >= 2 && cells.All(c =>
        {
            var name = c.TrimEnd("0123456789".ToCharArray()).Trim();
            return name.Length < c.Length && name is "数据" or "列" or "Column" or "Col" or "column" or "col";
        });
    }

    /// <summary>Markdown markup around the text: ATX heading marks ("## "), bold or italic marks ("**…**", "__…__"), a quote mark.</summary>
    public static string WithoutMarkup(string line)
    {
        var text = line.TrimStart();
        var hashes = 0;
        while (hashes < text.Length && hashes < 7 && text[hashes] == '#')
        {
            hashes++;
        }

        if (hashes is > 0 and <= 6 && hashes < text.Length && text[hashes] != '#')
        {
            text = text[hashes..].TrimStart();
        }
        else if (text.StartsWith("> ", StringComparison.Ordinal))
        {
            text = text[2..];
        }
        else if (hashes == 0 && text.Length == line.Length && !text.Contains("**", StringComparison.Ordinal) && !text.Contains("__", StringComparison.Ordinal))
        {
            return line;
        }

        return text.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal);
    }

    private static bool IsBrokenRowHead(string line, string next)
    {
        var head = line.Trim();
        var tail = next.Trim();
        return head.Length > 1 && head[0] == '|' && head[^1] != '|' && tail.Length > 1 && tail[0] != '|' && tail[^1] == '|'
            && !next.StartsWith('\t');
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private static int SkipDigits(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int SkipDashes(string text, int i)
    {
        while (i < text.Length && text[i] is '-' or '—' or '–' or '－' or '―')
        {
            i++;
        }

        return i;
    }
}
