namespace PublishPipeline.Tests.Reading.Forms;

/// <summary>
/// (e) A mirror site's copy in traditional characters. Reading must give the same cells and findings: only I3 (the
/// rule that names a converted text) may differ.
/// </summary>
internal abstract class TraditionalCopyForm : RepublishedForm
{
    public override IReadOnlyCollection<string> NamedRules => ["I3"];

    public override RenderedForm? Render(SourceReport source)
    {
        var converted = Convert(source.Text);
        return converted == source.Text ? null : new("report.txt", converted);
    }

    protected abstract string Convert(string text);
}

/// <summary>Character by character, as the corpus mirrors print (行政复议 → 行政復議): STCharacters' first candidate, no phrases.</summary>
internal sealed class TraditionalCharactersForm : TraditionalCopyForm
{
    public override string Name => "traditional-characters";

    protected override string Convert(string text) => TraditionalForm.ConvertCharacters(text);
}

/// <summary>OpenCC s2t: phrases first (行政复议 → 行政複議, 属于 → 屬於), then characters.</summary>
internal sealed class TraditionalS2tForm : TraditionalCopyForm
{
    public override string Name => "traditional-s2t";

    protected override string Convert(string text) => TraditionalForm.Convert(text);
}

/// <summary>OpenCC s2twp: Taiwan wording as well (政府信息公开 → 政府資訊公開, 规范性文件 → 規範性檔案).</summary>
internal sealed class TraditionalTaiwanForm : TraditionalCopyForm
{
    public override string Name => "traditional-s2twp";

    protected override string Convert(string text) => TraditionalForm.ConvertTaiwan(text);
}
