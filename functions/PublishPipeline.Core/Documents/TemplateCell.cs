namespace PublishPipeline.Documents;

/// <summary>
/// A value cell of the template, addressed as findings address it: <see cref="Table"/> is <c>proactive</c>,
/// <c>requests</c> or <c>review_litigation</c>; for table 二 the row is <c>item/row</c> (<c>art20_1/rules</c>);
/// <see cref="Column"/> is the index in the template's column order.
/// </summary>
public readonly record struct TemplateCell(string Table, string Row, int Column)
{
    public static TemplateCell Proactive(string item, string row, int column) => new("proactive", $"{item}/{row}", column);

    public static TemplateCell Requests(string row, int column) => new("requests", row, column);

    public static TemplateCell ReviewLitigation(string group, int column) => new("review_litigation", group, column);
}
