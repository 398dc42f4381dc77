using System.CommandLine;

namespace PublishPipeline.Cli.Site;

/// <summary>
/// <c>pubpipe site build</c>: the public site from a folder of reports; <c>pubpipe site rebuild</c>: the live site in
/// <c>$web</c> again from the stored versions (after a layout change).
/// </summary>
public static class SiteCommand
{
    public static Command Create() => new("site", "公开网站：由年度报告生成整个网站，或按已存储的报告重建线上网站")
    {
        SiteBuildCommand.Create(),
        Operations.SiteRebuildCommand.Create(),
    };
}
