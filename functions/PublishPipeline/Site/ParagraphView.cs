namespace PublishPipeline.Site;

/// <summary>How a paragraph of section text is shown.</summary>
internal enum ParagraphKind
{
    Paragraph,

    /// <summary>A short line such as "（一）主动公开情况" or "1.平台建设": a sub-heading.</summary>
    Heading,

    /// <summary>A paragraph that opens with a numbered lead-in sentence ("（一）主动公开。本年度…"): the lead is emphasised.</summary>
    LeadParagraph,
}

/// <summary>One paragraph of a section's text, split once into the parts the page shows.</summary>
internal readonly record struct ParagraphView(ParagraphKind Kind, string Lead, string Body)
{
    private const int MaxHeadingLength = 40;

    public static List<ParagraphView> Split(string? text)
    {
        var paragraphs = new List<ParagraphView>();
        if (string.IsNullOrEmpty(text))
        {
            return paragraphs;
        }

        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).Trim();
            if (!line.IsEmpty)
            {
                paragraphs.Add(Classify(line.ToString()));
            }
        }

        return paragraphs;
    }

    private static ParagraphView Classify(string line)
    {
        var numbering = NumberingLength(line);
        if (numbering == 0)
        {
            return new ParagraphView(ParagraphKind.Paragraph, "", line);
        }

        var stop = line.AsSpan().IndexOfAny("。；;");
        if (stop < 0 && line.Length <= MaxHeadingLength)
        {
            return new ParagraphView(ParagraphKind.Heading, line, "");
        }

        if (stop > numbering && stop < MaxHeadingLength && stop < line.Length - 1)
        {
            return new ParagraphView(ParagraphKind.LeadParagraph, line[..(stop + 1)], line[(stop + 1)..]);
        }

        return new ParagraphView(ParagraphKind.Paragraph, "", line);
    }

    /// <summary>The length of a leading "（一）", "(二)", "1." or "1．" numbering, or 0.</summary>
    private static int NumberingLength(string line)
    {
        if (line.Length > 2 && (line[0] == '（' || line[0] == '('))
        {
            var close = line.AsSpan(1).IndexOfAnyExcept("一二三四五六七八九十");
            if (close > 0 && (line[close + 1] == '）' || line[close + 1] == ')'))
            {
                return close + 2;
            }

            return 0;
        }

        var digits = line.AsSpan().IndexOfAnyExcept("0123456789");
        if (digits is > 0 and <= 2 && (line[digits] == '.' || line[digits] == '．' || line[digits] == '、'))
        {
            return digits + 1;
        }

        return 0;
    }
}
