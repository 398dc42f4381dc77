using System.Globalization;
using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Cells;

/// <summary>
/// C2: no text in numeric cells ("/", "-", "无", "减4", "0万元", "22（其中修订16件）"). Each finding suggests the
/// canonical form: 0 for a placeholder, a signed number for 增/减 in words, the bare number in the header's unit,
/// and any note moved to the narrative.
/// </summary>
public sealed partial class TextCellRule : IValidationRule
{
    private static readonly HashSet<string> Placeholders = ["/", "／", "-", "－", "—", "——", "无", "空", "\\"];

    public string Id => "C2";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var cell in context.Cells)
        {
            if (cell.Value.Kind != CellKind.Text)
            {
                continue;
            }

            var type = cell.ColumnType;
            var (suggestion, advice) = Suggest(cell.Value.Raw!, type);
            var (rule, severity) = Classify(cell.Value.Raw!, type);
            yield return new Finding
            {
                Rule = rule,
                Severity = severity,
                Location = new FindingLocation { Table = cell.Table, Row = cell.Row, Column = cell.ColumnKey },
                Expected = suggestion,
                Message = $"{context.CellName(cell.Table, cell.Row, cell.Column)}填写了文字“{cell.Value.Raw}”：数字单元格只能填写数字；{advice}",
            };
        }
    }

    /// <summary>
    /// Where the catalogue itself softens C2 (documented in docs/RULES.md): text in the 2019 本年增/减 column is E5,
    /// info only ("/" there means no change, and 增/减 is not arithmetic anyone checks); a 2019 采购总金额 written
    /// with its unit ("0万元") is a warning, because that template prints no unit, so the cell is the only place
    /// the unit is stated. Everything else is the C2 error.
    /// </summary>
    internal static (string Rule, Severity Severity) Classify(string raw, string? columnType) => columnType switch
    {
        "signed_int" => ("E5", Severity.Info),
        "money_unit_unspecified" when WithUnit().Match(Fold(raw.Trim())) is { Success: true } unit && unit.Groups["unit"].Value is "元" or "万元"
            => ("C2", Severity.Warning),
        _ => ("C2", Severity.Error),
    };

    internal static (decimal? Suggestion, string Advice) Suggest(string raw, string? columnType)
    {
        var text = raw.Trim();
        if (Placeholders.Contains(text))
        {
            return (0, "若没有数据或没有增减，请填写 0");
        }

        var folded = Fold(text);
        // A number too long for decimal (found fuzzing: "9999…9件" threw OverflowException) gets the plain advice.
        var change = Change().Match(folded);
        if (change.Success && Number(change.Groups["n"].Value) is { } changed)
        {
            var signed = change.Groups["sign"].Value is "减" or "少" ? -changed : changed;
            return (signed, $"请写成带符号的数字 {ValidationContext.Number(signed)}");
        }

        var unit = WithUnit().Match(folded);
        if (unit.Success && Number(unit.Groups["n"].Value) is { } value)
        {
            var u = unit.Groups["unit"].Value;
            if (columnType == "decimal_wan_yuan" && u == "元")
            {
                var wan = value / 10000m;
                return (wan, $"本列单位为万元，请填写 {ValidationContext.Number(wan)}（由 {ValidationContext.Number(value)} 元换算），不带单位");
            }

            return (value, $"请只填写数字 {ValidationContext.Number(value)}，单位（{u}）写在表头或正文中");
        }

        var note = WithNote().Match(folded);
        if (note.Success && Number(note.Groups["n"].Value) is { } noted)
        {
            return (noted, $"请只填写数字 {ValidationContext.Number(noted)}，括号中的说明移到正文");
        }

        return (null, "请改为数字（没有数据请填 0）");
    }

    private static decimal? Number(string digits) =>
        decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Fold(string text)
    {
        // One pass into a stack buffer: the same characters as folding then dropping white space with LINQ.
        var chars = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            var folded = TextFolding.FoldChar(c);
            if (!char.IsWhiteSpace(folded))
            {
                chars[length++] = folded;
            }
        }

        // A mirror's copy prints 0萬元 for 0万元.
        return ChineseConversion.Simplify(new string(chars[..length]));
    }

    [GeneratedRegex(@"^(?<sign>增加|减少|增|减|少)(?<n>\d+(?:\.\d+)?)[件项个]?$")]
    private static partial Regex Change();

    [GeneratedRegex(@"^(?<n>-?\d+(?:\.\d+)?)(?<unit>万元|元|件|项|个|次|起)$")]
    private static partial Regex WithUnit();

    [GeneratedRegex(@"^(?<n>-?\d+(?:\.\d+)?)[(（].*[)）]$")]
    private static partial Regex WithNote();
}
