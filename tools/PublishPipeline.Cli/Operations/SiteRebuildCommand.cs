using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Pipeline;
using PublishPipeline.Site.Live;
using PublishPipeline.Submissions;

namespace PublishPipeline.Cli.Operations;

/// <summary>
/// <c>pubpipe site rebuild</c>: re-derives the live <c>$web</c> from the stored versions after a layout change. By default
/// it puts one message per agency on the site queue, so the Functions app's scale-out does the work (a national
/// rebuild never runs in one process); <c>--here</c> does it in this process instead (a small site, or no host running).
/// Files whose bytes did not change are not written either way.
/// </summary>
internal static class SiteRebuildCommand
{
    public static Command Create()
    {
        var here = new Option<bool>("--here") { Description = "在本进程中重建（不经队列；适合小型站点或本地）" };
        var agency = new Option<string?>("--agency") { Description = "只重建这一个机关的页面" };
        var connection = PipelineConnection.ConnectionOption();
        var account = PipelineConnection.AccountOption();
        var command = new Command("rebuild", "按已存储的报告重建公开网站（版式更新后）") { here, agency, connection, account };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            using var services = PipelineConnection.Build(parse.GetValue(connection), parse.GetValue(account), parse.InvocationConfiguration.Error);
            if (services is null)
            {
                return 2;
            }

            var ids = parse.GetValue(agency) is { } one
                ? [one]
                : (await services.GetRequiredService<AgencyDirectory>().ListAsync(cancellationToken)).Select(a => a.Id).ToList();
            await services.GetRequiredService<LiveSitePublisher>().WriteStaticFilesAsync(cancellationToken);
            if (parse.GetValue(here))
            {
                var handler = services.GetRequiredService<SiteHandler>();
                var done = 0;
                foreach (var id in ids)
                {
                    await handler.RebuildAgencyAsync(id, cancellationToken);
                    if (++done % 50 == 0 || done == ids.Count)
                    {
                        await output.WriteLineAsync($"已重建 {done}/{ids.Count} 个机关");
                    }
                }

                await services.GetRequiredService<SearchIndexJob>().RunAsync(force: true, cancellationToken);
                await output.WriteLineAsync($"重建完成：{ids.Count} 个机关；{services.GetRequiredService<LiveSiteWriter>().Counts}");
                return 0;
            }

            var queue = services.GetRequiredService<MessageQueue>();
            foreach (var id in ids)
            {
                await queue.SendSiteAsync(new SiteMessage(SiteWork.RebuildAgency, id), cancellationToken);
            }

            await output.WriteLineAsync($"已排队：{ids.Count} 个机关的重建消息（队列 site）；全部处理完、网站静下来后，搜索索引自动重建");
            return 0;
        });
        return command;
    }
}
