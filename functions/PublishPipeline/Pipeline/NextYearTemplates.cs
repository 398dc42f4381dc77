using PublishPipeline.Calendar;
using PublishPipeline.Documents;
using PublishPipeline.Reports;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline;

/// <summary>
/// An agency's draft for a year, pre-filled from its published report of the year before (<see cref="NextYearDraft"/>):
/// what <c>pubpipe template --agency</c> writes and <c>GET /api/agencies/{id}/template?year=</c> serves.
/// </summary>
public sealed class NextYearTemplates(ValidationInputsFactory published, TimeProvider clock)
{
    /// <summary>Why no template is made for <paramref name="year"/>, in Chinese, or null when one is.</summary>
    public string? YearRefusal(int year)
    {
        var latest = ChinaTime.ToChina(clock.GetUtcNow()).Year;
        if (TemplateCatalog.ForYear(year) is null)
        {
            return $"{year} 年度早于现行年度报告格式（2019 年度起适用），没有可生成的模板";
        }

        return year > latest ? $"{year} 年度尚未开始（当前为 {latest} 年），可生成 2019–{latest} 年度的模板" : null;
    }

    /// <summary>The draft; the caller has checked the year with <see cref="YearRefusal"/>.</summary>
    public async Task<NextYearDraft> CreateAsync(Agency agency, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agency);
        return NextYearDraft.For(agency.Name, year, await published.LoadPublishedAsync(agency.Id, year - 1, cancellationToken));
    }

    /// <summary>The file name people see: the report's own title, marked as the pre-filled template.</summary>
    public static string FileName(NextYearDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var name = new string([.. draft.AgencyName.Where(c => !char.IsControl(c) && !Path.GetInvalidFileNameChars().Contains(c) && c is not ('\\' or '/' or '"'))]);
        return $"{draft.Year}年{name}政府信息公开工作年度报告（模板）.docx";
    }
}
