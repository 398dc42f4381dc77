using PublishPipeline.Agencies;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Structure;

/// <summary>
/// B6: from 2021 the (一)总体情况 part covers 主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障
/// (国办公开办函〔2021〕30号); for 各级人民政府 also 工作考核、社会评议和责任追究结果 (条例 §50(四)) — checked only when
/// the level is given.
/// </summary>
public sealed class OverviewTopicsRule : IValidationRule
{
    private static readonly (string Topic, string[] Words)[] Topics =
    [
        ("主动公开", ["主动公开"]),
        ("依申请公开", ["依申请"]),
        ("政府信息管理", ["信息管理", "管理"]),
        ("政府信息公开平台建设", ["平台"]),
        ("监督保障", ["监督", "保障"]),
    ];

    private static readonly (string Topic, string[] Words)[] GovernmentTopics =
    [
        ("工作考核", ["考核"]),
        ("社会评议", ["评议"]),
        ("责任追究结果", ["责任追究", "追责"]),
    ];

    public string Id => "B6";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Report.Year is not >= 2021 || context.Text("overview") is not { } overview)
        {
            yield break;
        }

        var topics = context.Inputs.AgencyLevel is { } level && AgencyLevels.IsGovernment(level) ? Topics.Concat(GovernmentTopics) : Topics;
        var missing = topics.Where(t => !t.Words.Any(w => overview.Folded.Contains(w, StringComparison.Ordinal))).Select(t => t.Topic).ToList();
        if (missing.Count > 0)
        {
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Warning,
                Location = new FindingLocation { Section = "overview" },
                Message = $"第一部分「总体情况」没有写到{string.Join("、", missing.Select(m => $"“{m}”"))}：按 2021 年格式，总体情况应包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障"
                    + (topics.Count() > Topics.Length ? "，各级人民政府还应包括工作考核、社会评议和责任追究结果情况" : "") + "等方面",
            };
        }
    }
}
