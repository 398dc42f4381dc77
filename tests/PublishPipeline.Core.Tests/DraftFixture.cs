using System.Net;
using System.Text;

namespace PublishPipeline.Tests;

/// <summary>
/// A short 2021-template draft written for these tests, in the plain-text ("|" cells) and HTML forms a portal
/// produces: title, optional portal line, 导语, the six parts, table 二 第(一)项 with the labels the caller chooses (an
/// extra row among them), and an optional 落款. Each piece is a parameter so a test says exactly what the draft holds.
/// </summary>
internal sealed record DraftFixture
{
    public const string Agency = "青山县农业农村局";

    public const string DefaultPreamble =
        "根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号的要求，编制本报告。本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。";

    public string Title { get; init; } = $"2021年{Agency}政府信息公开工作年度报告";

    /// <summary>A portal's line above the 导语 ("发布日期：2022-01-25 点击数：12"), or null.</summary>
    public string? PortalLine { get; init; }

    public IReadOnlyList<string> Preamble { get; init; } = [DefaultPreamble];

    /// <summary>The first line of 一、总体情况.</summary>
    public string Overview { get; init; } = "2021年，我局认真贯彻落实政府信息公开条例，全年主动公开政府信息120条。";

    public string RulesLabel { get; init; } = "规章";

    public string RulesCells { get; init; } = "0 | 0 | 0";

    public string NormativeLabel { get; init; } = "行政规范性文件";

    public string NormativeCells { get; init; } = "2 | 0 | 5";

    /// <summary>A row the template does not have, printed after 行政规范性文件 ("其他主动公开文件 | 3 | 0 | 3"), or null.</summary>
    public string? ExtraRow { get; init; }

    public string Other { get; init; } = "本年度未收取信息处理费。";

    /// <summary>Lines after part 六's text: the 落款 ("青山县农业农村局", "2022年1月20日"), or anything else.</summary>
    public IReadOnlyList<string> Signature { get; init; } = [];

    public string Text()
    {
        var text = new StringBuilder();
        text.Append(Title).Append('\n');
        if (PortalLine is not null)
        {
            text.Append(PortalLine).Append('\n');
        }

        foreach (var line in Preamble)
        {
            text.Append(line).Append('\n');
        }

        text.Append("一、总体情况\n").Append(Overview).Append('\n');
        text.Append("二、主动公开政府信息情况\n");
        foreach (var row in ProactiveRows())
        {
            text.Append(string.Join(" | ", row)).Append(" |\n");
        }

        text.Append("三、收到和处理政府信息公开申请情况\n本年度未收到政府信息公开申请。\n");
        text.Append("四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议、行政诉讼。\n");
        text.Append("五、存在的主要问题及改进情况\n信息更新不够及时。下一步将建立月度巡查制度。\n");
        text.Append("六、其他需要报告的事项\n").Append(Other).Append('\n');
        foreach (var line in Signature)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The same draft as a portal page: site chrome around an article of &lt;p&gt;s and one &lt;table&gt;.</summary>
    public string Html()
    {
        var body = new StringBuilder();
        body.Append("<!doctype html><html><head><title>").Append(Encode(Title)).Append("</title></head><body>");
        body.Append("<nav><a href=\"/\">首页</a> &gt; 政府信息公开年报</nav><div class=\"article\">");
        body.Append("<h1>").Append(Encode(Title)).Append("</h1>");
        if (PortalLine is not null)
        {
            body.Append("<div class=\"info\">").Append(Encode(PortalLine)).Append("</div>");
        }

        foreach (var line in Preamble)
        {
            P(line);
        }

        P("一、总体情况");
        P(Overview);
        P("二、主动公开政府信息情况");
        body.Append("<table>");
        foreach (var row in ProactiveRows())
        {
            body.Append("<tr>");
            if (row.Count == 1)
            {
                body.Append("<td colspan=\"4\">").Append(Encode(row[0])).Append("</td>");
            }
            else
            {
                foreach (var cell in row)
                {
                    body.Append("<td>").Append(Encode(cell)).Append("</td>");
                }
            }

            body.Append("</tr>");
        }

        body.Append("</table>");
        P("三、收到和处理政府信息公开申请情况");
        P("本年度未收到政府信息公开申请。");
        P("四、政府信息公开行政复议、行政诉讼情况");
        P("本年度未发生行政复议、行政诉讼。");
        P("五、存在的主要问题及改进情况");
        P("信息更新不够及时。下一步将建立月度巡查制度。");
        P("六、其他需要报告的事项");
        P(Other);
        foreach (var line in Signature)
        {
            body.Append("<p style=\"text-align:right\">").Append(Encode(line)).Append("</p>");
        }

        body.Append("</div><footer>版权所有 青山县人民政府</footer></body></html>");
        return body.ToString();

        void P(string line) => body.Append("<p>").Append(Encode(line)).Append("</p>");
    }

    private List<List<string>> ProactiveRows()
    {
        var rows = new List<List<string>>
        {
            new() { "第二十条第（一）项" },
            new() { "信息内容", "本年制发件数", "本年废止件数", "现行有效件数" },
            Row(RulesLabel, RulesCells),
            Row(NormativeLabel, NormativeCells),
        };
        if (ExtraRow is not null)
        {
            var cells = ExtraRow.Split('|', StringSplitOptions.TrimEntries);
            rows.Add([.. cells]);
        }

        return rows;

        static List<string> Row(string label, string cells) => [label, .. cells.Split('|', StringSplitOptions.TrimEntries)];
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
