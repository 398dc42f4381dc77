using System.CommandLine;

namespace PublishPipeline.Cli;

/// <summary>The root of <c>pubpipe</c>: each sub-command lives in its own class.</summary>
public static class PubpipeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("PublishPipeline: 政府信息公开工作年度报告 validation and publishing");
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(TemplateCommand.Create());
        root.Subcommands.Add(Dev.DevCommand.Create());
        root.Subcommands.Add(Agencies.AgenciesCommand.Create());
        root.Subcommands.Add(Regions.RegionsCommand.Create());
        root.Subcommands.Add(Operations.AlertsCommand.Create());
        root.Subcommands.Add(Operations.RetryCommand.Create());
        root.Subcommands.Add(Operations.RollupCommand.Create());
        root.Subcommands.Add(Site.SiteCommand.Create());
        root.Subcommands.Add(Bench.BenchCommand.Create());
        // Commands that hold resources (pubpipe dev: hosts, Azurite) handle SIGINT/SIGTERM themselves and
        // shut down in order; System.CommandLine's own handler would end the process after 2 s.
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }
}
