namespace PublishPipeline.Reading.Flattened;

/// <summary>
/// The header a site crawler puts above a page's text: "key: value" lines (标题, 发布时间, 文号, 发布机构, 栏目,
/// 原文链接 …), perhaps a few notes, and a marker line naming the 正文 ("==== 正文 ===="). The title and the
/// publication time are the page's own; only the text after the marker (or after the header block) is the report.
/// </summary>
internal sealed record CrawlerHeader(string? Title, string? Published, string Body)
{
    private const int MaxHeaderLines = 20;
    private const int MaxKeyLength = 8;

    private static readonly string[] TitleKeys = ["标题", "题目", "title"];
    private static readonly string[] PublishedKeys = ["发布时间", "发布日期", "成文日期", "时间", "日期"];
    private static readonly string[] PageKeys = ["原文链接", "链接", "来源", "网址", "url", "发布机构", "栏目", "文号", "索引号"];

    /// <summary>The header and the body below it, or null when the text does not start with a crawler header.</summary>
    public static CrawlerHeader? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Only the first lines can be a header: split no further than that, so an ordinary report costs next to nothing.
        var (lines, next) = HeadLines(text, MaxHeaderLines + 1);
        string? title = null;
        string? published = null;
        var pageKeys = 0;
        var lastField = -1;
        var marker = -1;
        for (var i = 0; i < lines.Count && i < MaxHeaderLines; i++)
        {
            var line = CellParser.Trim(lines[i]);
            if (line.Length == 0)
            {
                continue;
            }

            if (IsBodyMarker(line))
            {
                marker = i;
                break;
            }

            if (Field(line) is not { } field)
            {
                // A note line inside the header ("页面链接与图片详见 …") is allowed once the header has begun.
                if (lastField < 0)
                {
                    return null;
                }

                continue;
            }

            lastField = i;
            if (Is(field.Key, TitleKeys))
            {
                title ??= field.Value.Length > 0 ? field.Value : null;
            }
            else if (Is(field.Key, PublishedKeys))
            {
                published ??= field.Value.Length > 0 ? field.Value : null;
            }
            else if (Is(field.Key, PageKeys))
            {
                pageKeys++;
            }
        }

        // A title alone could be the report's own first line; a crawler header also says where the page came from.
        if (title is null || (published is null && pageKeys == 0) || (marker < 0 && lastField < 0))
        {
            return null;
        }

        // The body is the text after the header's last line, as it stands: no second split of the whole text.
        var last = marker >= 0 ? marker : lastField;
        return new CrawlerHeader(title, published, text[Math.Min(next[last], text.Length)..]);
    }

    /// <summary>
    /// Up to <paramref name="count"/> lines from the top of the text (CR LF or LF), each with where the line after it
    /// starts.
    /// </summary>
    private static (List<string> Lines, List<int> Next) HeadLines(string text, int count)
    {
        var lines = new List<string>(count);
        var next = new List<int>(count);
        var start = 0;
        while (lines.Count < count && start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            var stop = end < 0 ? text.Length : end;
            lines.Add(text[start..(stop > start && text[stop - 1] == '\r' ? stop - 1 : stop)]);
            next.Add(end < 0 ? text.Length : end + 1);
            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        return (lines, next);
    }

    /// <summary>The lines a reader puts before the body, as a page prints them: the title, then the publication time.</summary>
    public string WithHeaderLines()
    {
        var head = Title ?? "";
        if (Published is not null)
        {
            head += "\n发布时间：" + Published;
        }

        return head + "\n" + Body;
    }

    private static (string Key, string Value)? Field(string line)
    {
        var colon = line.IndexOfAny([':', '：']);
        if (colon is <= 0 or > MaxKeyLength)
        {
            return null;
        }

        var key = line[..colon].Trim();
        return key.Length > 0 && key.All(c => char.IsLetter(c)) ? (key, line[(colon + 1)..].Trim()) : null;
    }

    private static bool Is(string key, string[] keys) => keys.Any(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>"==== 正文 ====", "--- 正文 ---", "【正文】": the word 正文 between marker characters only.</summary>
    private static bool IsBodyMarker(string line)
    {
        var word = line.Trim('=', '-', '*', '#', '_', '~', ' ', '【', '】', '[', ']', '<', '>', '《', '》');
        return word == "正文" && line.Length > word.Length;
    }
}
