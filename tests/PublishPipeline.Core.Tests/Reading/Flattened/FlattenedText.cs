using System.Text;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Reading.Flattened;

/// <summary>
/// Builds a crawled, whitespace-collapsed report from the 2021 template's own labels (no report text is copied): a
/// crawler header, then the whole report on one line, table cells run together as such pages print them.
/// </summary>
internal static class FlattenedText
{
    public static string Build(Func<string, string> requestRun, string normativeDocs = "8855698", string review = "0 1 1 0 2 1 0 0 0 1 0 0 0 0 0")
    {
        var template = TemplateCatalog.Find("2021")!;
        var body = new StringBuilder();
        body.Append("本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据统计时限为2022年1月1日至2022年12月31日。 一、总体情况 ");
        for (var i = 0; i < 60; i++)
        {
            body.Append("全区持续推进政务公开工作，完善信息发布机制。");
        }

        body.Append(" 二、主动公开政府信息情况第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章000行政规范性文件")
            .Append(normativeDocs)
            .Append("第二十条第（五）项信息内容本年处理决定数量行政许可10第二十条第（六）项信息内容本年处理决定数量行政处罚2行政强制0")
            .Append("第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费1.5 三、收到和处理政府信息公开申请情况")
            .Append(template.Requests.HeaderNote)
            .Append(" 申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他 ");
        string? group = null;
        foreach (var row in template.Requests.Rows)
        {
            var slash = row.Label.IndexOf('/', StringComparison.Ordinal);
            if (row.Key == "r1")
            {
                body.Append("三、本年度办理结果 ");
            }

            if (slash > 0 && row.Label[..slash] != group)
            {
                group = row.Label[..slash];
                body.Append(group).Append(' ');
            }

            body.Append(slash > 0 ? row.Label[(slash + 1)..] : row.Label).Append(requestRun(row.Key));
        }

        body.Append(" 四、政府信息公开行政复议、行政诉讼情况行政复议 行政诉讼 结果维持结果纠正其他结果尚未审结总计 未经复议直接起诉 复议后起诉 ")
            .Append(review)
            .Append(" 五、存在的主要问题及改进情况 存在的问题是公开深度不足。下一步将改进解读形式。 六、其他需要报告的事项 本年度未收取信息处理费。");
        return "标题: 某县人民政府2022年度政府信息公开工作年度报告\n发布时间: 2023-01-20 15:07\n文号: \n栏目: 政府信息公开年报\n"
            + "原文链接: https://example.invalid/t20230120_1.htm\n==================== 正文 ====================\n" + body;
    }
}
