using System.Text;

namespace PublishPipeline.Submissions;

/// <summary>
/// An RFC 4180 reader: fields separated by commas, records by CRLF or LF, a field in double quotes may hold commas,
/// line breaks and doubled quotes. A quote inside an unquoted field, or text after a closing quote, makes that record
/// an error (and the reader goes on at the next line) instead of a guess: a half-quoted agency name is a typo to fix,
/// not something to store.
/// </summary>
internal static class CsvRecords
{
    public static List<CsvRecord> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        var position = 0;
        var line = 1;
        var field = new StringBuilder();
        while (position < text.Length)
        {
            var recordLine = line;
            var fields = new List<string>();
            string? error = null;
            while (true)
            {
                field.Clear();
                if (position < text.Length && text[position] == '"')
                {
                    var quoteLine = line;
                    position++;
                    var closed = false;
                    while (position < text.Length)
                    {
                        var c = text[position];
                        if (c == '"')
                        {
                            if (position + 1 < text.Length && text[position + 1] == '"')
                            {
                                field.Append('"');
                                position += 2;
                                continue;
                            }

                            position++;
                            closed = true;
                            break;
                        }

                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append(c);
                        position++;
                    }

                    if (!closed)
                    {
                        error = quoteLine == recordLine
                            ? "引号没有闭合（以双引号开头的字段须以双引号结束）"
                            : $"第 {quoteLine} 行开始的引号没有闭合（以双引号开头的字段须以双引号结束）";
                        break;
                    }

                    if (position < text.Length && text[position] is not (',' or '\r' or '\n'))
                    {
                        error = $"第 {fields.Count + 1} 列的右引号后还有文字（字段中的双引号须写成两个双引号 \"\"）";
                        SkipToNextLine(text, ref position, ref line);
                        break;
                    }
                }
                else
                {
                    var start = position;
                    while (position < text.Length && text[position] is not (',' or '\r' or '\n'))
                    {
                        position++;
                    }

                    var value = text.AsSpan(start, position - start);
                    if (value.Contains('"'))
                    {
                        error = $"第 {fields.Count + 1} 列含有双引号但未用双引号括起（应写成 \"…\"\"…\"，即整个字段加引号、其中的双引号写两次）";
                        SkipToNextLine(text, ref position, ref line);
                        break;
                    }

                    field.Append(value);
                }

                fields.Add(field.ToString());
                if (position < text.Length && text[position] == ',')
                {
                    position++;
                    continue;
                }

                EndLine(text, ref position, ref line);
                break;
            }

            records.Add(new CsvRecord(recordLine, fields, error));
        }

        return records;
    }

    /// <summary>A field as RFC 4180 writes it: quoted when it holds a comma, quote or line break, or has edge spaces.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var needsQuotes = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])));
        return needsQuotes ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void EndLine(string text, ref int position, ref int line)
    {
        if (position < text.Length && text[position] == '\r')
        {
            position++;
            if (position < text.Length && text[position] == '\n')
            {
                position++;
            }

            line++;
        }
        else if (position < text.Length && text[position] == '\n')
        {
            position++;
            line++;
        }
    }

    private static void SkipToNextLine(string text, ref int position, ref int line)
    {
        while (position < text.Length && text[position] is not ('\r' or '\n'))
        {
            position++;
        }

        EndLine(text, ref position, ref line);
    }
}
