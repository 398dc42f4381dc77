using System.Globalization;

namespace PublishPipeline.Reports;

/// <summary>What a table cell held: a number, a blank, or raw text that is not a clean number.</summary>
public enum CellKind
{
    Blank,
    Number,
    Text,
}

/// <summary>
/// One table cell as the JSON contract defines it: a number, <c>null</c> (present but blank; blank is not 0),
/// or the verbatim text of a cell that is not a clean number ("/", "减4", "0万元"), so nothing the author wrote is lost.
/// </summary>
public readonly record struct CellValue
{
    private CellValue(CellKind kind, decimal number, string? raw)
    {
        Kind = kind;
        Number = number;
        Raw = raw;
    }

    public CellKind Kind { get; }

    /// <summary>The value when <see cref="Kind"/> is <see cref="CellKind.Number"/>; 0 otherwise.</summary>
    public decimal Number { get; }

    /// <summary>The author's text when <see cref="Kind"/> is <see cref="CellKind.Text"/>.</summary>
    public string? Raw { get; }

    public static CellValue Blank { get; } = new(CellKind.Blank, 0, null);

    public static CellValue Of(decimal number) => new(CellKind.Number, number, null);

    public static CellValue OfText(string raw) => new(CellKind.Text, 0, raw);

    public bool IsNumber => Kind == CellKind.Number;

    public bool IsBlank => Kind == CellKind.Blank;

    /// <summary>The number, or null when the cell is blank or text (arithmetic cannot use it).</summary>
    public decimal? AsNumber => Kind == CellKind.Number ? Number : null;

    /// <summary>How the cell reads to a person: the number, the raw text, or "空白".</summary>
    public string Display => Kind switch
    {
        CellKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        CellKind.Text => Raw!,
        _ => "空白",
    };

    public override string ToString() => Kind switch
    {
        CellKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        CellKind.Text => Raw!,
        _ => "",
    };
}
