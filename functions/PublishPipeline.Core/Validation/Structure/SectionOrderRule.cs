using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Structure;

/// <summary>
/// B1: all six parts are there, in order 一…六, each under its own number (条例 §50 "不能遗漏"). Headings were matched
/// to parts through the template's aliases by the reader; this rule sees which parts are missing, repeated or renumbered.
/// </summary>
public sealed class SectionOrderRule : IValidationRule
{
    public string Id => "B1";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var definitions = context.Template.Sections;
        var sections = context.Report.Sections;
        foreach (var definition in definitions)
        {
            if (!sections.Any(s => s.Key == definition.Key))
            {
                yield return Error(definition.Key, $"缺少第{definition.Number}部分「{definition.Number}、{definition.Label}」：年度报告应包括全部六个部分，没有内容的也应保留标题并说明情况");
            }
        }

        var lastIndex = -1;
        var seen = new HashSet<string>();
        foreach (var section in sections)
        {
            var index = definitions.ToList().FindIndex(d => d.Key == section.Key);
            if (index < 0)
            {
                continue;
            }

            var definition = definitions[index];
            if (!seen.Add(definition.Key))
            {
                yield return Error(definition.Key, $"标题“{section.Heading}”重复出现：第{definition.Number}部分「{definition.Label}」只应出现一次，请合并内容并按一至六的顺序排列");
            }
            else if (index < lastIndex)
            {
                yield return Error(definition.Key, $"第{definition.Number}部分「{definition.Label}」出现在第{definitions[lastIndex].Number}部分之后：六个部分应按一至六的顺序排列");
            }
            else if (section.Number is { } number && number != definition.Number)
            {
                yield return Error(definition.Key, $"标题“{number}、{section.Heading}”的编号应为“{definition.Number}”：「{definition.Label}」是第{definition.Number}部分");
            }

            lastIndex = Math.Max(lastIndex, index);
        }
    }

    private Finding Error(string section, string message) => new()
    {
        Rule = Id,
        Severity = Severity.Error,
        Location = new FindingLocation { Section = section },
        Message = message,
    };
}
