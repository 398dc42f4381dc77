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

    public const string Footer = "本站内容依据《中华人民共和国政府信息公开条例》发布。";

    public const string Home = "首页";

    public const string Years = "年度";

    public const string Regions = "地区";

    public const string Search = "搜索";

    public const string SearchLabel = "搜索年度报告";

    public const string SearchPlaceholder = "机关名称、地区或关键词";

    public const string Correction = "更正";

    public const string Country = "全国";

    public const string NotFound = "页面不存在";

    public const string NoScript = "搜索需要浏览器启用 JavaScript。未启用时，可按年度或地区浏览全部报告。";
}
