using PublishPipeline.Reports;

namespace PublishPipeline.Site;

/// <summary>
/// One row of table 三 as a particular report shows it. The rowspans count only the rows the report contains, so a
/// truncated table still has a consistent grid.
/// </summary>
/// <param name="ResultsSpan">Rows under 三、本年度办理结果 when this row opens that block; 0 otherwise.</param>
/// <param name="GroupSpan">Rows in this row's group （三）…（六） when this row opens it; 0 otherwise.</param>
internal readonly record struct RequestsRowView(RequestsRowShape Shape, List<CellValue> Cells, int ResultsSpan, int GroupSpan)
{
    public static RequestsRowView[] Arrange(TemplateLayout layout, Dictionary<string, List<CellValue>> rows)
    {
        var present = new List<(RequestsRowShape Shape, List<CellValue> Cells)>(layout.RequestsRows.Count);
        var resultRows = 0;
        foreach (var shape in layout.RequestsRows)
        {
            if (rows.TryGetValue(shape.Key, out var cells))
            {
                present.Add((shape, cells));
                if (!shape.TopLevel)
                {
                    resultRows++;
                }
            }
        }

        var views = new RequestsRowView[present.Count];
        var resultsOpened = false;
        for (var i = 0; i < present.Count; i++)
        {
            var (shape, cells) = present[i];
            var resultsSpan = 0;
            if (!shape.TopLevel && !resultsOpened)
            {
                resultsSpan = resultRows;
                resultsOpened = true;
            }

            var groupSpan = 0;
            if (shape.Group is not null && (i == 0 || present[i - 1].Shape.Group != shape.Group))
            {
                while (i + groupSpan < present.Count && present[i + groupSpan].Shape.Group == shape.Group)
                {
                    groupSpan++;
                }
            }

            views[i] = new RequestsRowView(shape, cells, resultsSpan, groupSpan);
        }

        return views;
    }
}
