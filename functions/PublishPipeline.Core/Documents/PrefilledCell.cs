using PublishPipeline.Reports;

namespace PublishPipeline.Documents;

/// <summary>A cell of next year's draft filled from last year's published report, and whether it is final.</summary>
/// <param name="Cell">Where it is in the template.</param>
/// <param name="Value">What was written.</param>
/// <param name="Kind">Final (上年结转), or a starting point the agency updates (现行有效件数).</param>
public sealed record PrefilledCell(TemplateCell Cell, CellValue Value, PrefillKind Kind);

/// <summary>How a pre-filled cell relates to last year's report.</summary>
public enum PrefillKind
{
    /// <summary>Fixed by last year's report (G1: 上年结转 = last year's 结转下年度继续办理); the agency leaves it as it is.</summary>
    Carried,

    /// <summary>Last year's figure to start from (G2: 现行有效 = last year's + 本年制发 − 本年废止); the agency updates it.</summary>
    StartingPoint,
}
