using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation;

/// <summary>
/// I4: no leftovers of a PDF/OCR/markdown conversion in the prose: page markers (— 4 —), markdown table rules (|---|),
/// headers stacked one character per line, and 数据1…数据6 placeholder headers. Each kind is one finding with an example.
/// </summary>
public sealed partial class ConversionArtefactRule : IValidationRule
{
    private static readonly (Regex Pattern, string What, string Hint)[] Kinds =
    [
        (PageMarker(), "页码标记", "\n"),
        (MarkdownRule(), "Markdown 表格线", "---"),
        (StackedCharacters(), "逐字竖排的表头", "\n"),
        (PlaceholderHeader(), "“数据1…数据6”占位表头", "数据"),
    ];

    public string Id => "I4";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (pattern, what, hint) in Kinds)
        {
            foreach (var text in context.Texts)
            {
                // A cheap substring test first: the patterns start with optional parts the engine would try everywhere.
                if (!text.Folded.Contains(hint, StringComparison.Ordinal))
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
