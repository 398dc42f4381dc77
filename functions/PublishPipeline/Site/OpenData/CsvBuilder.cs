using System.Globalization;
using System.Text;

namespace PublishPipeline.Site.OpenData;

/// <summary>
/// Writes the site's CSV files the way Excel and researchers' tools both read them: UTF-8 with a byte-order mark
/// (without it Excel opens UTF-8 as the local code page and garbles Chinese), CRLF line ends, RFC 4180 quoting.
/// </summary>
/// <remarks>
/// CSV injection: a text field that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, TAB or CR would be run as a
/// formula by a spreadsheet. Such a text field is written with one leading apostrophe (<c>'</c>), which spreadsheets
/// show as text; so is a text field that itself begins with an apostrophe, which keeps the rule reversible: to get an
/// author's exact text back, drop one leading apostrophe from any text field that starts with one. Numbers are
/// written as numbers (invariant culture) and never prefixed.
/// </remarks>
internal sealed class CsvBuilder
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private readonly StringBuilder text = new();
    private bool atLineStart = true;

    /// <summary>A text field (a label, a name, a draft's raw cell): guarded against formula execution, quoted as needed.</summary>
    public CsvBuilder Text(string? value)
    {
        Separate();
        if (!string.IsNullOrEmpty(value))
        {
            var guarded = NeedsGuard(value) ? "'" + value : value;
            AppendQuotedIfNeeded(guarded);
        }

        return this;
    }

    /// <summary>A number, invariant culture, exactly as the contract holds it (scale kept: 1.50 stays 1.50).</summary>
    public CsvBuilder Number(decimal? value)
    {
        Separate();
        if (value is { } number)
        {
            text.Append(number.ToString(CultureInfo.InvariantCulture));
        }

        return this;
    }

    public CsvBuilder Number(int value) => Number((decimal)value);

    /// <summary>A table cell: a number as a number, a blank as an empty field, raw text as guarded text.</summary>
    public CsvBuilder Cell(Reports.CellValue cell) => cell.Kind switch
    {
        Reports.CellKind.Number => Number(cell.Number),
        Reports.CellKind.Text => Text(cell.Raw),
        _ => Empty(),
    };

    public CsvBuilder Empty()
    {
        Separate();
        return this;
    }

    public CsvBuilder EndRow()
    {
        text.Append("\r\n");
        atLineStart = true;
        return this;
    }

    public SiteFile ToFile(string path)
    {
        var content = text.ToString();
        var bytes = new byte[Bom.Length + Encoding.UTF8.GetByteCount(content)];
        Bom.CopyTo(bytes, 0);
        Encoding.UTF8.GetBytes(content, 0, content.Length, bytes, Bom.Length);
        return new SiteFile(path, bytes, SiteFile.Csv);
    }

    public override string ToString() => text.ToString();

    internal static bool NeedsGuard(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\'';

    private void Separate()
    {
        if (!atLineStart)
        {
            text.Append(',');
        }

        atLineStart = false;
    }

    private void AppendQuotedIfNeeded(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            text.Append(value);
            return;
        }

        text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
