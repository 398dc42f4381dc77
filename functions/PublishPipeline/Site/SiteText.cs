namespace PublishPipeline.Site;

/// <summary>
/// Fixed words of the public site. The table labels here are printed identically in both national formats and are
/// not part of templates.json (which holds what differs or what the reader must match).
/// </summary>
internal static class SiteText
{
    public const string SiteName = "政府信息公开工作年度报告";

    public const string ContentColumn = "信息内容";

    public const string Applicants = "申请人情况";

    public const string Organisations = "法人或其他组织";

    public const string Results = "三、本年度办理结果";

    public const string TableMissing = "原报告未提供本部分的统计表。";

    public const string EmptyHome = "暂无已发布的年度报告";
}
