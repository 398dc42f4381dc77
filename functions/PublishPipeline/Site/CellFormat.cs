using System.Globalization;
using PublishPipeline.Reports;

namespace PublishPipeline.Site;

/// <summary>How a table cell is written on a page: numbers as numbers, blanks empty, raw text verbatim.</summary>
internal static class CellFormat
{
    // Most cells are small counts: formatting them from a table avoids one string per cell per page.
    private static readonly string[] SmallIntegers = Enumerable.Range(0, 1024).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    public static string? Text(CellValue cell) => cell.Kind switch
    {
        CellKind.Number => Number(cell.Number),
        CellKind.Text => cell.Raw,
        _ => null,
    };

    /// <summary>A class only where the cell is not a plain number, so that CSS can tell blanks and raw text apart.</summary>
    public static string? CssClass(CellValue cell) => cell.Kind switch
    {
        CellKind.Blank => "blank",
        CellKind.Text => "raw",
        _ => null,
    };

    /// <summary>The cell at <paramref name="index"/>, or a blank when the row is shorter than the template says.</summary>
    public static CellValue At(List<CellValue> cells, int index) => index < cells.Count ? cells[index] : CellValue.Blank;

    private static string Number(decimal value)
    {
        if (value.Scale == 0 && value >= 0 && value < SmallIntegers.Length)
        {
            return SmallIntegers[(int)value];
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }
}
