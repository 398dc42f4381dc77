using PublishPipeline.Documents;
using PublishPipeline.Reports;

namespace PublishPipeline.IntegrationTests;

/// <summary>Word drafts in the official 2021 layout, built with the Open XML SDK, with exactly the faults a test asks for.</summary>
public static class TestDrafts
{
    /// <summary>
    /// A complete 2021 report as .docx. <paramref name="note"/> goes into every section's text (so versions differ and
    /// the published page shows which one is live); <paramref name="withError"/> makes 表三's 总计 one more than its rows add up to.
    /// </summary>
    public static byte[] Docx2021(string agencyName, decimal[]? carriedIn = null, string note = "", bool withError = false, int year = 2021) =>
        ReportTemplateDocument.Create(TemplateCatalog.Template2021, Report2021(agencyName, carriedIn ?? new decimal[7], note, withError, year));

    /// <summary>A complete, arithmetically consistent 2021 report (every row of the template) in the agency's name.</summary>
    public static Report Report2021(string agencyName, decimal[] carriedIn, string note = "", bool withError = false, int year = 2021)
    {
        var template = TemplateCatalog.Template2021;
        var newRequests = new decimal[] { 6, 2, 0, 0, 1, 0, 9 };
        var requests = template.Requests.Rows.ToDictionary(r => r.Key, _ => Enumerable.Repeat(CellValue.Of(0), 7).ToList());
        requests["new"] = newRequests.Select(CellValue.Of).ToList();
        requests["carried_in"] = carriedIn.Select(CellValue.Of).ToList();
        requests["r1"] = newRequests.Zip(carriedIn, (n, c) => CellValue.Of(n + c)).ToList();
        requests["total"] = requests["r1"].ToList();
        if (withError)
        {
            requests["total"][6] = CellValue.Of(requests["total"][6].Number + 1);
        }

        var proactive = template.Proactive.ToDictionary(
            item => item.Key,
            item => item.Rows.ToDictionary(row => row.Key, _ => item.Columns.Select(_ => CellValue.Of(0)).ToList()));
        var sections = template.Sections.Select(s => new ReportSection
        {
            Number = s.Number,
            Key = s.Key,
            Heading = s.Label,
            Text = $"{year}年，本局认真落实政府信息公开条例，{s.Label}方面的工作按计划推进，主动公开、依申请公开、政府信息管理、平台建设和监督保障各项任务均已完成。{note}",
        }).ToList();
        return new Report
        {
            Template = "2021",
            Year = year,
            Agency = agencyName,
            Title = $"{year}年{agencyName}政府信息公开工作年度报告",
            Sections = sections,
            Tables = new ReportTables
            {
                Proactive = proactive,
                Requests = requests,
                ReviewLitigation = template.ReviewLitigation.Groups.ToDictionary(g => g.Key, _ => Enumerable.Repeat(CellValue.Of(0), 5).ToList()),
            },
        };
    }
}
