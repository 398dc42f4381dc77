using System.Collections.Frozen;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Identification;

/// <summary>
/// A2: the report names its agency (title, 导语 or 落款) and the name is the submitting account's, in full or in a form
/// reports commonly use (<see cref="AgencyNameForms"/>). A name that matches only after folding look-alike characters
/// (OCR: 人/入, 己/已, 末/未 …) is reported with the differing character.
/// </summary>
public sealed class AgencyNameRule : IValidationRule
{
    private static readonly FrozenDictionary<char, char> LookAlikes = new (char Seen, char Meant)[]
    {
        ('入', '人'), ('已', '己'), ('巳', '己'), ('未', '末'), ('土', '士'), ('曰', '日'), ('戍', '戌'), ('戊', '戌'),
        ('准', '淮'), ('汩', '汨'), ('天', '夭'), ('刁', '习'), ('仑', '伦'), ('o', '〇'), ('O', '〇'), ('0', '〇'),
    }.ToFrozenDictionary(p => p.Seen, p => p.Meant);

    public string Id => "A2";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var expected = context.Inputs.ExpectedAgencyName?.Trim();
        if (string.IsNullOrEmpty(expected))
        {
            yield return NotChecked.For(Id, "提交账号所属机关的登记名称", "无法核对报告中的机关名称", new FindingLocation { Section = "title" });
            yield break;
        }

        var name = ChineseScript.Simplify(TextFolding.FoldWidth(expected));
        var texts = context.Texts.Where(t => t.Section is "title" or "preamble").Concat(context.Texts.Where(t => t.Section is not ("title" or "preamble")).TakeLast(1)).ToList();
        var agency = context.Report.Agency is { } a ? ChineseScript.Simplify(TextFolding.FoldWidth(a.Trim())) : null;
        if (texts.Any(t => t.Folded.Contains(name, StringComparison.Ordinal))
            || (agency is { Length: >= 4 } && (name.EndsWith(agency, StringComparison.Ordinal) || agency.EndsWith(name, StringComparison.Ordinal))))
        {
            yield break;
        }

        // The name as reports commonly print it: without the higher regions, abbreviated, 人民政府 before a 街道.
        var forms = AgencyNameForms.For(name);
        if (forms.Any(form => texts.Any(t => t.Folded.Contains(form, StringComparison.Ordinal)) || (agency is not null && agency.EndsWith(form, StringComparison.Ordinal))))
        {
            yield break;
        }

        var folded = FoldLookAlikes(name);
        foreach (var text in texts)
        {
            var at = FoldLookAlikes(text.Folded).IndexOf(folded, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var printed = text.Original.Substring(at, name.Length);
            var differs = Enumerable.Range(0, name.Length).First(i => text.Folded[at + i] != name[i]);
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Error,
                Location = new FindingLocation { Section = text.Section },
                Message = $"{context.SectionName(text.Section)}中的机关名称“{printed}”与登记名称“{expected}”不一致：第{differs + 1}个字写成了“{printed[differs]}”，应为“{expected[differs]}”（可能是扫描识别的形近字）",
            };
            yield break;
        }

        yield return new Finding
        {
            Rule = Id,
            Severity = Severity.Error,
            Location = new FindingLocation { Section = "title" },
            Message = context.Report.Agency is { } named
                ? $"报告写明的机关“{named}”与提交账号所属机关“{expected}”不一致：请核对是否上传了其他单位的报告，或在标题、落款中写明本机关全称"
                : $"报告的标题、导语和落款都没有写明机关名称：请在标题中写明“{expected}”",
        };
    }

    private static string FoldLookAlikes(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (LookAlikes.TryGetValue(chars[i], out var meant))
            {
                chars[i] = meant;
            }
        }

        return new string(chars);
    }
}
