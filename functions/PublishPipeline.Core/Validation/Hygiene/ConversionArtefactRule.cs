using System.Buffers;
using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Hygiene;

/// <summary>
/// I4: no leftovers of a PDF/OCR/markdown conversion in the prose: page markers (— 4 —), markdown table rules (|---|),
/// headers stacked one character per line, and 数据1…数据6 placeholder headers. Each kind is one finding with an example.
/// </summary>
public sealed partial class ConversionArtefactRule : IValidationRule
{
    private static readonly (Regex Pattern, string What, Func<string, bool> MayMatch)[] Kinds =
    [
        (PageMarker(), "页码标记", MayHoldPageMarker),
        (MarkdownRule(), "Markdown 表格线", text => text.Contains("---", StringComparison.Ordinal)),
        (StackedCharacters(), "逐字竖排的表头", MayHoldStackedCharacters),
        (PlaceholderHeader(), "“数据1…数据6”占位表头", text => text.Contains("数据", StringComparison.Ordinal)),
    ];

    private static readonly SearchValues<char> Dashes = SearchValues.Create("—-–");

    public string Id => "I4";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (pattern, what, mayMatch) in Kinds)
        {
            foreach (var text in context.Texts)
            {
                // A cheap necessary condition first: the patterns start with optional parts the engine would try everywhere.
                if (!mayMatch(text.Folded))
                {
                    continue;
                }

                var match = pattern.Match(text.Folded);
                if (!match.Success)
                {
                    continue;
                }

                var sample = text.Original.Substring(match.Index, Math.Min(match.Length, 20)).Replace('\n', '/');
                yield return new Finding
                {
                    Rule = Id,
                    Severity = Severity.Warning,
                    Location = new FindingLocation { Section = text.Section },
                    Message = $"{context.SectionName(text.Section)}含有{what}“{sample.Trim()}”：这是从 PDF 或扫描件转换留下的痕迹，请上传原始的 Word 或网页文件",
                };
                break;
            }
        }
    }

    /// <summary>Whether a newline is there and some dash is followed (after white space) by a digit, as in every page marker.</summary>
    private static bool MayHoldPageMarker(string text)
    {
        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            return false;
        }

        var span = text.AsSpan();
        for (var at = span.IndexOfAny(Dashes); at >= 0;)
        {
            var next = at + 1;
            while (next < span.Length && char.IsWhiteSpace(span[next]))
            {
                next++;
            }

            if (next < span.Length && char.IsDigit(span[next]))
            {
                return true;
            }

            var further = span[(at + 1)..].IndexOfAny(Dashes);
            at = further < 0 ? -1 : at + 1 + further;
        }

        return false;
    }

    /// <summary>Whether some line between two newlines is one CJK character, as the middle lines of a stacked header are.</summary>
    private static bool MayHoldStackedCharacters(string text)
    {
        for (var at = text.IndexOf('\n', StringComparison.Ordinal); at >= 0; at = text.IndexOf('\n', at + 1))
        {
            var next = at + 1;
            while (next < text.Length && text[next] is ' ' or '\t')
            {
                next++;
            }

            if (next >= text.Length || text[next] is not (>= '\u4e00' and <= '\u9fff'))
            {
                continue;
            }

            next++;
            while (next < text.Length && text[next] is ' ' or '\t')
            {
                next++;
            }

            if (next < text.Length && text[next] == '\n')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"— 4 —", "- 12 -" alone on a line.</summary>
    [GeneratedRegex(@"^\s*[—\-–]{1,2}\s*\d{1,3}\s*[—\-–]{1,2}\s*$", RegexOptions.Multiline)]
    private static partial Regex PageMarker();

    [GeneratedRegex(@"\|?\s*:?-{3,}:?\s*\|")]
    private static partial Regex MarkdownRule();

    /// <summary>Four or more lines of a single CJK character each (结/果/维/持).</summary>
    [GeneratedRegex(@"(?:^[ \t]*[\u4e00-\u9fff][ \t]*\n){3}[ \t]*[\u4e00-\u9fff][ \t]*$", RegexOptions.Multiline)]
    private static partial Regex StackedCharacters();

    [GeneratedRegex(@"数据\s*1\D{0,6}数据\s*2")]
    private static partial Regex PlaceholderHeader();
}
