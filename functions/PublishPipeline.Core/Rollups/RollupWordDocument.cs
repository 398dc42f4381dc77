using PublishPipeline.Documents;

namespace PublishPipeline.Rollups;

/// <summary>
/// The roll-up as a Word document in the official template of its year: the sums in every cell, the title
/// "2021年兰溪市政府信息公开工作年度报告（统计汇总）", and part 一 naming the reports summed and those not summed — the
/// starting point of the 本级政府 report, which the 政务公开办 writes on.
/// </summary>
public static class RollupWordDocument
{
    public static byte[] Create(RegionRollup rollup)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        return ReportTemplateDocument.Create(rollup.Template, rollup.ToReport());
    }
}
