namespace PublishPipeline.Reading;

/// <summary>
/// Recognises pre-2019 reports (CHECKS.md I6): they cite 国务院第492号令 (the 2007 条例) and use parts such as
/// 概述 / 依申请公开政府信息和不予公开政府信息情况 / 收费及减免.
/// </summary>
internal static class OldFormat
{
    private static readonly string[] Markers = ["第492号", "492号令", "收费及减免", "依申请公开政府信息和不予公开政府信息情况", "一、概述", "一、概况"];

    public static bool Matches(string text)
    {
        var hits = 0;
        foreach (var marker in Markers)
        {
            if (text.Contains(marker, StringComparison.Ordinal))
            {
                hits++;
            }
        }

        // 2019+ reports mention neither the old decree nor the old parts; two markers avoid tripping on one quotation.
        return hits >= 2 || text.Contains("第492号令", StringComparison.Ordinal);
    }
}
