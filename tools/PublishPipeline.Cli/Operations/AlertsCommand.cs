using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Pipeline.Alerts;
using Spectre.Console;

namespace PublishPipeline.Cli.Operations;

/// <summary><c>pubpipe alerts [--days N] [--all] [--json]</c>: what failed on every retry, newest first, for the operator.</summary>
internal static class AlertsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static Command Create()
    {
        var days = new Option<int>("--days") { Description = "最近几天（北京时间）", DefaultValueFactory = _ => 7 };
        var all = new Option<bool>("--all") { Description = "包括已处理的告警" };
        var json = new Option<bool>("--json") { Description = "输出 JSON" };
        var connection = PipelineConnection.ConnectionOption();
        var account = PipelineConnection.AccountOption();
        var command = new Command("alerts", "列出运维告警：多次重试仍失败的环节、身份不明的上传") { days, all, json, connection, account };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var services = PipelineConnection.Build(parse.GetValue(connection), parse.GetValue(account), parse.InvocationConfiguration.Error);
            if (services is null)
            {
                return 2;
            }

            var alerts = (await services.GetRequiredService<AlertRecorder>().ListRecentAsync(Math.Clamp(parse.GetValue(days), 1, 366), cancellationToken))
                .Where(a => parse.GetValue(all) || a.ResolvedAt is null)
                .ToList();
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(
                    alerts.Select(a => new { id = a.PartitionKey + "/" + a.RowKey, a.Stage, a.SubmissionId, a.AgencyId, a.Summary, a.At, a.Payload, a.ResolvedAt, a.ResolvedBy }),
                    Json));
                return 0;
            }

            var console = CliConsole.For(output);
            if (alerts.Count == 0)
            {
                console.WriteLine("没有待处理的告警。");
                return 0;
            }

            var table = new Table().AddColumns("时间（北京）", "环节", "提交编号", "说明", "状态");
            foreach (var alert in alerts)
            {
                // Summaries quote file names and agency ids from uploads: plain text, never Spectre markup.
                table.AddRow(
                    new Text(alert.At.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
                    new Text(alert.Stage),
                    new Text(alert.SubmissionId ?? "—"),
                    new Text(alert.Summary),
                    new Text(alert.ResolvedAt is null ? "待处理" : $"已由 {alert.ResolvedBy} 处理"));
            }

            console.Write(table);
            console.WriteLine($"共 {alerts.Count} 条。排除故障后，用 pubpipe retry 提交编号 --operator 姓名 重新处理失败的版本。");
            return 0;
        });
        return command;
    }
}
