using System.Text;
using System.Xml;

namespace PublishPipeline.Site.OpenData;

/// <summary>
/// One way to write the site's XML files: XmlWriter (it escapes), UTF-8 without BOM, two-space indent and "\n" line
/// ends on every OS, so the same input always gives the same bytes.
/// </summary>
internal static class XmlOutput
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        CloseOutput = false,
    };

    public static SiteFile Write(string path, string contentType, Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        stream.WriteByte((byte)'\n');
        return new SiteFile(path, stream.ToArray(), contentType);
    }

    /// <summary>
    /// Draft text with the characters XML 1.0 cannot hold (control characters a Word file can carry, lone
    /// surrogates) removed: XmlWriter would throw on them, and one odd title must not break the feed.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                cleaned?.Append(c);
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                cleaned?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            cleaned ??= new StringBuilder(text, 0, i, text.Length);
        }

        return cleaned?.ToString() ?? text;
    }
}
