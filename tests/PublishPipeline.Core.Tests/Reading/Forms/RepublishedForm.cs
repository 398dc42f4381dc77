namespace PublishPipeline.Tests.Reading.Forms;

/// <summary>A generated form: the file name it is uploaded as and its text, or its bytes for a binary form (.docx, .pdf).</summary>
internal sealed record RenderedForm(string FileName, string Text, byte[]? Bytes = null)
{
    public ReadOnlyMemory<byte> Content => Bytes ?? System.Text.Encoding.UTF8.GetBytes(Text);
}

/// <summary>
/// One form a real report is republished in (PDF→markdown, OCR, an HTML export …), generated from a corpus report.
/// Reading the form must give the original's cells and findings, except the rules that name the form itself.
/// </summary>
internal abstract class RepublishedForm
{
    public abstract string Name { get; }

    /// <summary>Rules that report the form itself (I3 traditional characters, I4 …): not compared.</summary>
    public virtual IReadOnlyCollection<string> NamedRules => [];

    /// <summary>Rules the form must make fire (A1 for a copy without its title).</summary>
    public virtual IReadOnlyCollection<string> MustFire => [];

    /// <summary>The form, or null when the report has nothing this form changes (a title cut from a report without one).</summary>
    public abstract RenderedForm? Render(SourceReport source);

    /// <summary>
    /// What the form is compared with: the original by default; a form that changes the content (a row made blank)
    /// gives the same change in another form.
    /// </summary>
    public virtual RenderedForm Reference(SourceReport source) => new(source.Name, source.Text);

    public override string ToString() => Name;
}
