using System.Text;

namespace PublishPipeline.Reports;

/// <summary>
/// Character folding shared by the readers and the rules (CHECKS.md C5): the stored text keeps what the author
/// wrote; matching and number parsing see the folded form.
/// </summary>
public static class TextFolding
{
    /// <summary>Full-width ASCII to half-width, ideographic and no-break spaces to space, curly quotes to straight.</summary>
    public static string FoldWidth(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            builder.Append(FoldChar(ch));
        }

        return builder.ToString();
    }

    public static char FoldChar(char ch) => ch switch
    {
        '\u3000' or '\u00A0' => ' ',
        >= '\uFF01' and <= '\uFF5E' => (char)(ch - 0xFEE0),
        '“' or '”' or '„' => '"',
        '‘' or '’' => '\'',
        _ => ch,
    };
}
