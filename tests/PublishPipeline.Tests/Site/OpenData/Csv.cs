using System.Text;

namespace PublishPipeline.Tests.Site.OpenData;

/// <summary>An RFC 4180 reader for the tests: fields as a spreadsheet would get them, and the raw text for byte checks.</summary>
internal static class Csv
{
    public static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The text after the byte-order mark; fails when the mark is missing.</summary>
    public static string Text(ReadOnlyMemory<byte> content)
    {
        var bytes = content.ToArray();
        Assert.True(bytes.AsSpan().StartsWith(Bom), "a CSV must start with the UTF-8 byte-order mark (Excel)");
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, Bom.Length, bytes.Length - Bom.Length);
    }

    public static List<List<string>> Parse(ReadOnlyMemory<byte> content)
    {
        var text = Text(content);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    Assert.True(i < text.Length, "unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }

                Assert.True(i >= text.Length || text[i] == ',' || text[i] == '\r', "a quoted field must end at a separator");
                continue;
            }

            if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
                i++;
                continue;
            }

            if (c == '\r')
            {
                Assert.True(i + 1 < text.Length && text[i + 1] == '\n', "records end with CRLF");
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i += 2;
                continue;
            }

            Assert.NotEqual('\n', c);
            Assert.NotEqual('"', c);
            field.Append(c);
            i++;
        }

        Assert.True(field.Length == 0 && row.Count == 0, "the last record must end with CRLF");
        return rows;
    }
}
