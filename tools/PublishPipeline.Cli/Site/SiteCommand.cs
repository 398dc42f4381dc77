using System.CommandLine;

namespace PublishPipeline.Cli.Site;

/// <summary><c>pubpipe site build</c>: the public site from a folder of reports.</summary>
public static class SiteCommand
{
    public static Command Create() => new("site", "公开网站：由年度报告生成整个网站")
    {
        SiteBuildCommand.Create(),
    };
}
