using System.Text;

namespace PublishPipeline.Tests.Reading.Forms;

/// <summary>(b) Page markers of a PDF or scan ("— 4 —", "- 5 -", "第6页") on their own line every 30 lines, inside tables and paragraphs alike.</summary>
internal sealed class PageMarkerForm : RepublishedForm
{
    private const int Every = 30;

    public override string Name => "ocr-page-markers";

    public override RenderedForm Render(SourceReport source)
    {
        var lines = source.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var text = new StringBuilder();
        var page = 1;
        for (var i = 0; i < lines.Length; i++)
        {
            text.Append(lines[i]).Append('\n');

            // Right after a printed line, never next to a blank one: blank lines carry meaning in some table forms.
            if ((i + 1) % Every == 0 && lines[i].Trim().Length > 0)
            {
                text.Append((page % 3) switch { 0 => $"第{page}页", 1 => $"— {page} —", _ => $"- {page} -" }).Append('\n');
                page++;
            }
        }

        return new("report.txt", text.ToString());
    }
}

/// <summary>(d) Every full-width punctuation mark written half-width: "第二十条第(一)项", "(本列数据的勾稽关系为:…)".</summary>
internal sealed class HalfWidthForm : RepublishedForm
{
    private const string Full = "（）：，；！？“”";
    private const string Half = "():,;!?\"\"";

    public override string Name => "half-width";

    public override RenderedForm Render(SourceReport source)
    {
        var chars = source.Text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var at = Full.IndexOf(chars[i], StringComparison.Ordinal);
            if (at >= 0)
            {
                chars[i] = Half[at];
            }
        }

        return new("report.txt", new string(chars));
    }
}

/// <summary>(d) Every half-width punctuation mark written full-width, enumeration points included ("1．属于国家秘密"), decimals not.</summary>
internal sealed class FullWidthForm : RepublishedForm
{
    private const string Half = "():,;!?";
    private const string Full = "（）：，；！？";

    public override string Name => "full-width";

    public override RenderedForm Render(SourceReport source)
    {
        var chars = source.Text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var at = Half.IndexOf(chars[i], StringComparison.Ordinal);
            if (at >= 0)
            {
                chars[i] = Full[at];
            }
            else if (chars[i] == '.' && !(i > 0 && char.IsAsciiDigit(chars[i - 1]) && i + 1 < chars.Length && char.IsAsciiDigit(chars[i + 1])))
            {
                chars[i] = '．';
            }
        }

        return new("report.txt", new string(chars));
    }
}

/// <summary>(f) A copy with its title cut off: the title line (both lines of a wrapped title) removed. A1 must then fire.</summary>
internal sealed class TitleCutForm : RepublishedForm
{
    public override string Name => "title-cut";

    // The title is where the agency is read from (A2), and the first line I3 names in a mirror in traditional characters:
    // without it, those findings name the cut, not the report.
    public override IReadOnlyCollection<string> NamedRules => ["A1", "A2", "I3"];

    public override IReadOnlyCollection<string> MustFire => ["A1"];

    public override RenderedForm? Render(SourceReport source)
    {
        var titleLines = source.Blocks.OfType<SourceLine>().Where(l => l.IsTitle).Select(l => l.Text).ToList();
        if (titleLines.Count == 0)
        {
            return null;
        }

        var lines = source.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var at = lines.FindIndex(l => l.Trim() == titleLines[0]);
        if (at < 0)
        {
            return null;
        }

        // A title wrapped over two lines ("…政府信息公开" ⏎ "工作年度报告") goes whole; the lines around it stay.
        var count = at + 1 < lines.Count && lines[at + 1].Trim().Length is > 0 and <= 12 && lines[at + 1].Contains("报告", StringComparison.Ordinal) ? 2 : 1;
        lines.RemoveRange(at, count);
        return new("report.txt", string.Join('\n', lines));
    }
}
