using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PublishPipeline.Reports;

namespace PublishPipeline.Documents;

/// <summary>
/// Writes a national template (2019 试行 or 2021) as the Word document an agency fills in: a title placeholder, the six
/// part headings, and tables 二–四 with their header cells merged as printed in the official format. Given a report,
/// it writes that report's title, part texts and cell values instead (tests use this to build Word drafts). With
/// <see cref="TemplateDocumentOptions"/> it also writes the report's 导语, shades chosen cells and puts notes in the page
/// header (next year's pre-filled draft, <see cref="NextYearDraft"/>); without them the output is as it always was.
/// </summary>
public static class ReportTemplateDocument
{
    public const string TitlePlaceholder = "（年度）年（机关名称）政府信息公开工作年度报告";

    /// <summary>The row-header group of table 三's result rows; printed in both templates, not a row of its own.</summary>
    public const string ResultsGroupLabel = "三、本年度办理结果";

    public const string ProactiveRowHeader = "信息内容";
    public const string ApplicantsHeader = "申请人情况";
    public const string OrganisationsHeader = "法人或其他组织";

    private const int LabelColumns = 3;
    private const string FontSize = "21";

    public static byte[] Create(ReportTemplate template, Report? content = null)
    {
        using var stream = new MemoryStream();
        Write(template, stream, content);
        return stream.ToArray();
    }

    public static void Write(ReportTemplate template, Stream output, Report? content = null) => Write(template, output, content, null);

    public static byte[] Create(ReportTemplate template, Report? content, TemplateDocumentOptions? options)
    {
        using var stream = new MemoryStream();
        Write(template, stream, content, options);
        return stream.ToArray();
    }

    public static void Write(ReportTemplate template, Stream output, Report? content, TemplateDocumentOptions? options)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(output);
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body();
        var shading = options?.Shading ?? new Dictionary<TemplateCell, string>();
        body.Append(TextParagraph(content?.Title ?? TitlePlaceholder, bold: true, centered: true, size: "36"));
        if (options?.IncludePreamble == true && !string.IsNullOrEmpty(content?.Preamble))
        {
            foreach (var line in content.Preamble.Split('\n').Where(l => l.Length > 0))
            {
                body.Append(TextParagraph(line));
            }
        }

        foreach (var section in template.Sections)
        {
            var filled = content?.Sections.FirstOrDefault(s => s.Key == section.Key);
            body.Append(TextParagraph($"{section.Number}、{filled?.Heading ?? section.Label}", bold: true));
            var lines = (filled?.Text ?? "").Split('\n');
            foreach (var line in lines.Where(l => l.Length > 0))
            {
                body.Append(TextParagraph(line));
            }

            switch (section.Key)
            {
                case "proactive":
                    foreach (var item in template.Proactive)
                    {
                        body.Append(ProactiveTable(item, content?.Tables.Proactive?.GetValueOrDefault(item.Key), shading));
                        body.Append(new Paragraph());
                    }

                    break;
                case "requests":
                    body.Append(RequestsTable(template.Requests, content?.Tables.Requests, shading));
                    body.Append(new Paragraph());
                    break;
                case "review_litigation":
                    body.Append(ReviewTable(template.ReviewLitigation, content?.Tables.ReviewLitigation, shading));
                    body.Append(new Paragraph());
                    break;
            }

            if (lines.All(l => l.Length == 0) && section.Key is not ("proactive" or "requests" or "review_litigation"))
            {
                // Room to write the part's text.
                body.Append(new Paragraph());
            }
        }

        var page = new SectionProperties();
        if (options?.HeaderNotes is { Count: > 0 } notes)
        {
            // The notes go in the page header, which no reader of drafts looks at: a filled-in draft reads back exactly
            // as it would without them, while the person filling it in sees them on every page.
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(notes.Select(n => TextParagraph(n, size: "18")));
            header.Header.Save();
            page.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) });
        }

        page.Append(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1440, Right = 1247U, Bottom = 1440, Left = 1247U, Header = 851U, Footer = 992U, Gutter = 0U });
        body.Append(page);
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>One 第二十条 item: its heading row across the table, the 信息内容 header row, then a row per content row.</summary>
    private static Table ProactiveTable(ProactiveItem item, Dictionary<string, List<CellValue>>? values, IReadOnlyDictionary<TemplateCell, string> shading)
    {
        var columns = item.Columns.Count;
        var table = NewTable(1 + columns);
        table.Append(new TableRow(LabelCell(item.Label, span: 1 + columns)));
        table.Append(new TableRow([LabelCell(ProactiveRowHeader), .. item.Columns.Select(c => LabelCell(c.Label))]));
        foreach (var row in item.Rows)
        {
            var cells = values?.GetValueOrDefault(row.Key);
            table.Append(new TableRow([LabelCell(row.Label), .. Enumerable.Range(0, columns).Select(c => ValueCell(cells, c, shading.GetValueOrDefault(TemplateCell.Proactive(item.Key, row.Key, c))))]));
        }

        return table;
    }

    /// <summary>
    /// Table 三 as printed: the 勾稽 note over three header rows and the three label columns; 申请人情况 over the seven
    /// value columns; 自然人 and 总计 down two rows; 法人或其他组织 over its five columns. Row headers: 三、本年度办理结果
    /// down every result row, each （三）（四）（五）（六） group down its sub-rows.
    /// </summary>
    private static Table RequestsTable(RequestsTable shape, Dictionary<string, List<CellValue>>? values, IReadOnlyDictionary<TemplateCell, string> shading)
    {
        var valueColumns = shape.Columns.Count;
        var organisations = valueColumns - 2;
        var table = NewTable(LabelColumns + valueColumns);
        table.Append(new TableRow(LabelCell(shape.HeaderNote, span: LabelColumns, merge: MergedCellValues.Restart), LabelCell(ApplicantsHeader, span: valueColumns)));
        table.Append(new TableRow(
            LabelCell("", span: LabelColumns, merge: MergedCellValues.Continue),
            LabelCell(shape.Columns[0].Label, merge: MergedCellValues.Restart),
            LabelCell(OrganisationsHeader, span: organisations),
            LabelCell(shape.Columns[^1].Label, merge: MergedCellValues.Restart)));
        table.Append(new TableRow(
            [
                LabelCell("", span: LabelColumns, merge: MergedCellValues.Continue),
                LabelCell("", merge: MergedCellValues.Continue),
                .. shape.Columns.Skip(1).Take(organisations).Select(c => LabelCell(c.Label)),
                LabelCell("", merge: MergedCellValues.Continue),
            ]));

        var rows = shape.Rows;
        var firstResult = rows.ToList().FindIndex(r => r.Key.StartsWith('r'));
        var total = rows.ToList().FindIndex(r => r.Key == "total");
        string? previousGroup = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var cells = values?.GetValueOrDefault(row.Key);
            var valueCells = Enumerable.Range(0, valueColumns).Select(c => ValueCell(cells, c, shading.GetValueOrDefault(TemplateCell.Requests(row.Key, c))));
            if (firstResult < 0 || i < firstResult || i > total)
            {
                table.Append(new TableRow([LabelCell(row.Label, span: LabelColumns), .. valueCells]));
                previousGroup = null;
                continue;
            }

            var resultsCell = i == firstResult
                ? LabelCell(ResultsGroupLabel, merge: MergedCellValues.Restart)
                : LabelCell("", merge: MergedCellValues.Continue);
            var slash = row.Label.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                table.Append(new TableRow([resultsCell, LabelCell(row.Label, span: 2), .. valueCells]));
                previousGroup = null;
                continue;
            }

            var group = row.Label[..slash];
            var groupCell = group == previousGroup
                ? LabelCell("", merge: MergedCellValues.Continue)
                : LabelCell(group, merge: MergedCellValues.Restart);
            previousGroup = group;
            table.Append(new TableRow([resultsCell, groupCell, LabelCell(row.Label[(slash + 1)..]), .. valueCells]));
        }

        return table;
    }

    /// <summary>
    /// Table 四 as printed: 行政复议 over its five columns, whose labels run down two rows; 行政诉讼 over ten, then
    /// 未经复议直接起诉 and 复议后起诉 over five each with their column labels beneath; then one row of values.
    /// </summary>
    private static Table ReviewTable(ReviewLitigationTable shape, Dictionary<string, List<CellValue>>? values, IReadOnlyDictionary<TemplateCell, string> shading)
    {
        var width = shape.Columns.Count;
        var table = NewTable(width * shape.Groups.Count);
        var top = new TableRow();
        var middle = new TableRow();
        var bottom = new TableRow();
        string? parent = null;
        foreach (var group in shape.Groups)
        {
            var slash = group.Label.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                parent = null;
                top.Append(LabelCell(group.Label, span: width));
                middle.Append(shape.Columns.Select(c => LabelCell(c.Label, merge: MergedCellValues.Restart)));
                bottom.Append(shape.Columns.Select(_ => LabelCell("", merge: MergedCellValues.Continue)));
                continue;
            }

            var parentLabel = group.Label[..slash];
            if (parentLabel != parent)
            {
                var span = shape.Groups.Count(g => g.Label.StartsWith(parentLabel + "/", StringComparison.Ordinal)) * width;
                top.Append(LabelCell(parentLabel, span: span));
                parent = parentLabel;
            }

            middle.Append(LabelCell(group.Label[(slash + 1)..], span: width));
            bottom.Append(shape.Columns.Select(c => LabelCell(c.Label)));
        }

        var valueRow = new TableRow();
        foreach (var group in shape.Groups)
        {
            var cells = values?.GetValueOrDefault(group.Key);
            valueRow.Append(Enumerable.Range(0, width).Select(c => ValueCell(cells, c, shading.GetValueOrDefault(TemplateCell.ReviewLitigation(group.Key, c)))));
        }

        table.Append(top, middle, bottom, valueRow);
        return table;
    }

    private static Table NewTable(int gridColumns)
    {
        const int PageWidth = 9412;
        var border = (BorderType b) => { b.Val = BorderValues.Single; b.Size = 4U; b.Space = 0U; b.Color = "000000"; return b; };
        var properties = new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(
                border(new TopBorder()), border(new LeftBorder()), border(new BottomBorder()),
                border(new RightBorder()), border(new InsideHorizontalBorder()), border(new InsideVerticalBorder())));
        var grid = new TableGrid(Enumerable.Range(0, gridColumns).Select(_ => new GridColumn { Width = (PageWidth / gridColumns).ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        return new Table(properties, grid);
    }

    private static TableCell LabelCell(string text, int span = 1, MergedCellValues? merge = null)
    {
        var properties = new TableCellProperties();
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is { } value)
        {
            properties.Append(new VerticalMerge { Val = value });
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        return new TableCell(properties, TextParagraph(text, centered: true));
    }

    private static TableCell ValueCell(List<CellValue>? cells, int column, string? fill = null)
    {
        var text = cells is not null && column < cells.Count ? cells[column].ToString() : "";
        var properties = new TableCellProperties();
        if (fill is not null)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        return new TableCell(properties, TextParagraph(text, centered: true));
    }

    private static Paragraph TextParagraph(string text, bool bold = false, bool centered = false, string size = FontSize)
    {
        var paragraph = new Paragraph();
        if (centered)
        {
            paragraph.Append(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        }

        if (text.Length == 0)
        {
            return paragraph;
        }

        var runProperties = new RunProperties();
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        runProperties.Append(new FontSize { Val = size });
        paragraph.Append(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }
}
