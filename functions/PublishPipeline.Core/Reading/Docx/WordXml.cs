using System.Globalization;
using System.Xml;

namespace PublishPipeline.Reading.Docx;

/// <summary>
/// The few moves the streaming Word reader makes over an <see cref="XmlReader"/>: step through an element's child
/// elements, skip an element, read an element's text. Every element passed on the way has its depth checked, skipped
/// ones included, so a part cannot nest beyond <see cref="DocxReadLimits.MaxXmlDepth"/> anywhere. Convention: a method
/// given the reader on an element's start leaves it on that element's last node (its end tag, or itself when empty).
/// </summary>
internal static class WordXml
{
    public const string Main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>ISO 29500 Strict's namespace for the same vocabulary; the Open XML SDK read it too.</summary>
    public const string StrictMain = "http://purl.oclc.org/ooxml/wordprocessingml/main";

    /// <summary>Whether the reader is on the WordprocessingML element <paramref name="localName"/>.</summary>
    public static bool Is(XmlReader reader, string localName) =>
        reader.LocalName == localName && reader.NamespaceURI is Main or StrictMain;

    /// <summary>A WordprocessingML attribute (w:val, w:styleId, …) of the current element.</summary>
    public static string? Attribute(XmlReader reader, string localName) =>
        reader.GetAttribute(localName, Main) ?? reader.GetAttribute(localName, StrictMain);

    /// <summary>An integer attribute as Word writes it (xsd:int, surrounding blanks allowed); null when absent or not a number.</summary>
    public static int? IntAttribute(XmlReader reader, string localName) =>
        Attribute(reader, localName) is { } text
        && int.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>
    /// Moves to the next child element of the element at <paramref name="parentDepth"/>; false once its end tag is
    /// reached. Call it first with the reader on the parent's start tag (and not for an empty element).
    /// </summary>
    public static bool NextChild(XmlReader reader, int parentDepth, DocxReadLimits limits)
    {
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                CheckDepth(reader, limits);
                return true;
            }

            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == parentDepth)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Calls <paramref name="child"/> for each child element of the element the reader is on.</summary>
    public static void Children(XmlReader reader, DocxReadLimits limits, Action<XmlReader> child)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        while (NextChild(reader, depth, limits))
        {
            child(reader);
        }
    }

    /// <summary>Passes over the current element and everything in it.</summary>
    public static void Skip(XmlReader reader, DocxReadLimits limits)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        while (NextChild(reader, depth, limits))
        {
            // Every descendant element is depth-checked on the way past.
        }
    }

    /// <summary>The character content directly inside the current element (text, CDATA, white space); child elements are passed over.</summary>
    public static string Text(XmlReader reader, DocxReadLimits limits)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var depth = reader.Depth;
        string? single = null;
        System.Text.StringBuilder? several = null;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (single is null)
                    {
                        single = reader.Value;
                    }
                    else
                    {
                        (several ??= new System.Text.StringBuilder(single)).Append(reader.Value);
                    }

                    break;
                case XmlNodeType.Element:
                    CheckDepth(reader, limits);
                    Skip(reader, limits);
                    break;
                case XmlNodeType.EndElement when reader.Depth == depth:
                    return several?.ToString() ?? single ?? "";
            }
        }

        return several?.ToString() ?? single ?? "";
    }

    public static void CheckDepth(XmlReader reader, DocxReadLimits limits)
    {
        if (reader.Depth > limits.MaxXmlDepth)
        {
            throw new DocxLimitException($"文档的 XML 结构嵌套超过 {limits.MaxXmlDepth} 层，不是正常的 Word 文档");
        }
    }
}
