using System.Text;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Narrative;

/// <summary>
/// A section's text as the extractor matches it: width folded (，→, （→( ％→%), whitespace and line breaks removed
/// (PDF conversions wrap mid-sentence: "办结 1191 件（含\n上年结转"), page markers and table lines dropped. Every
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
                for (var i = 0; i < line.Length; i++)
                {
                    // Most characters are CJK ideographs, which neither fold nor are white space: copied straight.
                    if (line[i] is >= '\u4e00' and <= '\u9fff')
                    {
                        text[length] = line[i];
                        offsets[length++] = lineStart + i;
                        continue;
                    }

                    var ch = TextFolding.FoldChar(line[i]);
                    if (!char.IsWhiteSpace(ch))
                    {
                        text[length] = ch;
                        offsets[length++] = lineStart + i;
                    }
                }
            }

            lineStart = lineEnd + 1;
        }

        return new NarrativeText(original, new string(text, 0, length), offsets);
    }

    /// <summary>The sentence (between 。！？) around a position, as the author wrote it, on one line.</summary>
    public (int Start, int End) SentenceAt(int position)
    {
        var start = position;
        while (start > 0 && !IsSentenceEnd(Text[start - 1]))
        {
            start--;
        }

        var end = position;
        while (end < Text.Length && !IsSentenceEnd(Text[end]))
        {
            end++;
        }

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
