using System.Text;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Narrative;

/// <summary>
/// A section's text as the extractor matches it: width folded (，→, （→( ％→%), whitespace and line breaks removed
/// (PDF conversions wrap mid-sentence: "办结 1191 件（含\n上年结转"), page markers and table lines dropped, traditional
/// characters simplified. Every
/// character keeps its offset in the original so a finding quotes what the author wrote.
/// </summary>
internal sealed class NarrativeText
{
    private readonly string original;
    private readonly int[] offsets;

    private NarrativeText(string original, string text, int[] offsets)
    {
        this.original = original;
        Text = text;
        this.offsets = offsets;
    }

    public string Text { get; }

    public static NarrativeText Of(string original)
    {
        // Folding never lengthens the text, so buffers of the original's length hold it; the offsets array is kept as is.
        var text = new char[original.Length];
        var offsets = new int[original.Length];
        var length = 0;
        var lineStart = 0;
        while (lineStart <= original.Length)
        {
            var lineEnd = original.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = original.Length;
            }

            var line = original.AsSpan(lineStart, lineEnd - lineStart);
            if (!IsNoise(line))
            {
                var i = 0;
                while (i < line.Length)
                {
                    // Most characters are CJK ideographs, which neither fold nor are white space: whole runs copied straight.
                    var run = line[i..].IndexOfAnyExceptInRange('\u4e00', '\u9fff');
                    if (run < 0)
                    {
                        run = line.Length - i;
                    }

                    if (run > 0)
                    {
                        line.Slice(i, run).CopyTo(text.AsSpan(length));
                        for (var j = 0; j < run; j++)
                        {
                            offsets[length + j] = lineStart + i + j;
                        }

                        length += run;
                        i += run;
                        if (i >= line.Length)
                        {
                            break;
                        }
                    }

                    var ch = TextFolding.FoldChar(line[i]);
                    if (!char.IsWhiteSpace(ch))
                    {
                        text[length] = ch;
                        offsets[length++] = lineStart + i;
                    }

                    i++;
                }
            }

            lineStart = lineEnd + 1;
        }

        // A mirror's traditional copy (共計, 萬元, 答覆) reads as the simplified text does: one scan, no copy when simplified.
        return new NarrativeText(original, ChineseConversion.SimplifyConverted(new string(text, 0, length)), offsets);
    }

    /// <summary>The sentence (between 。！？) around a position, as the author wrote it, on one line.</summary>
    public (int Start, int End) SentenceAt(int position)
    {
        // Vectorised searches for the same ends IsSentenceEnd names.
        var start = Text.AsSpan(0, position).LastIndexOfAny('。', '!', '?') + 1;
        var after = Text.AsSpan(position).IndexOfAny('。', '!', '?');
        var end = after < 0 ? Text.Length : position + after;
        return (start, Math.Min(end + 1, Text.Length));
    }

    public string Quote(int start, int end)
    {
        if (end <= start)
        {
            return "";
        }

        var from = offsets[start];
        var to = offsets[end - 1] + 1;
        var span = original.AsSpan(from, to - from);
        if (!span.ContainsAny('\n', '\r'))
        {
            // One line (almost every quote): the trimmed span is the string, without a builder.
            return new string(span.Trim());
        }

        var quoted = new StringBuilder(to - from);
        foreach (var ch in original.AsSpan(from, to - from))
        {
            if (ch is not ('\n' or '\r'))
            {
                quoted.Append(ch);
            }
        }

        return quoted.ToString().Trim();
    }

    public int OriginalOffset(int position) => offsets[Math.Clamp(position, 0, Text.Length - 1)];

    public static bool IsSentenceEnd(char ch) => ch is '。' or '!' or '?';

    // "— 4 —" page markers and markdown table rows from PDF conversions are not narrative.
    private static bool IsNoise(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.Contains('|'))
        {
            return true;
        }

        if (trimmed.Length is > 2 and < 12 && trimmed[0] is '—' or '-' or '－' && trimmed[^1] is '—' or '-' or '－')
        {
            return true;
        }

        return false;
    }
}
