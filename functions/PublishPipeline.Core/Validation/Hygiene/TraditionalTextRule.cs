using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Hygiene;

/// <summary>
/// I3: the agency's own draft is in simplified characters. Traditional text almost always means a copy from a mirror
/// site that converted it. One finding for the report, with the parts and a few examples.
/// </summary>
public sealed class TraditionalTextRule : IValidationRule
{
    /// <summary>A handful of traditional characters can be a quoted name; this many is a converted text.</summary>
    internal const int MinimumCharacters = 5;

    public string Id => "I3";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var count = 0;
        var examples = new List<char>();
        var sections = new List<string>();
        foreach (var text in context.Texts)
        {
            var before = count;
            // Jump from one traditional character to the next: a simplified text is one vectorised scan.
            var original = text.Original.AsSpan();
            for (var at = original.IndexOfAny(ChineseScript.TraditionalCharacters); at >= 0;)
            {
                var ch = original[at];
                count++;
                if (examples.Count < 6 && !examples.Contains(ch))
                {
                    examples.Add(ch);
                }

                var next = original[(at + 1)..].IndexOfAny(ChineseScript.TraditionalCharacters);
                at = next < 0 ? -1 : at + 1 + next;
            }

            if (count > before)
            {
                sections.Add(text.Section);
            }
        }

        if (count >= MinimumCharacters)
        {
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Warning,
                Location = new FindingLocation { Section = sections[0] },
                Actual = count,
                Message = $"报告使用了繁体字（{count} 处，如“{string.Join("", examples)}”，见{string.Join("、", sections.Select(context.SectionName))}）：这通常是从转载网站复制的文本，请使用本机关以简体字编写的原稿",
            };
        }
    }
}
