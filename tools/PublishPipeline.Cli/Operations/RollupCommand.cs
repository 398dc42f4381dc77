using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Pipeline;
using PublishPipeline.Reports;
using PublishPipeline.Rollups;
using PublishPipeline.Site.Model;
using PublishPipeline.Site.OpenData;

namespace PublishPipeline.Cli.Operations;

/// <summary>
/// <c>pubpipe rollup --region R --year Y --out FILE.docx [--csv FILE.csv]</c>: a supervised region's roll-up of a year
/// from the published reports in storage, as the Word document in the official template (and the sums as CSV) — the
/// same files the public roll-up page offers, made now rather than after the site's debounce.
/// </summary>
public static class RollupCommand
{
    public const int InvalidCode = 2;

    public static Command Create()
    {
        var region = new Option<string>("--region") { Description = "地区：地区名录中的编号（如 lanxi）或地区路径（如 浙江省/金华市/兰溪市）", Required = true };
        var year = new Option<int>("--year") { Description = "报告年度（如 2021）", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "输出的 Word 文件（.docx，官方表格格式）", Required = true };
        var csv = new Option<FileInfo?>("--csv") { Description = "另存汇总表 CSV（UTF-8，每个单元格一行）" };
        var connection = PipelineConnection.ConnectionOption();
        var account = PipelineConnection.AccountOption();
        var command = new Command("rollup", "生成地区年度统计汇总（已发布报告表二、表三、表四逐格相加）的 Word 文档") { region, year, output, csv, connection, account };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var wantedYear = parse.GetValue(year);
            if (wantedYear < 2000 || wantedYear > 2100)
            {
                await error.WriteLineAsync($"--year「{wantedYear}」不是有效的报告年度");
                return InvalidCode;
            }

            if (TemplateCatalog.ForYear(wantedYear) is null)
            {
                await error.WriteLineAsync($"{wantedYear}年没有适用的国家统一报告格式（统一格式自2019年度起施行），无法汇总");
                return InvalidCode;
            }

            using var services = PipelineConnection.Build(parse.GetValue(connection), parse.GetValue(account), error);
            if (services is null)
            {
                return InvalidCode;
            }

            var rollups = services.GetRequiredService<RegionRollups>();
            var name = parse.GetValue(region)!;
            var found = await rollups.FindAsync(name, cancellationToken);
            if (found is null)
            {
                var known = await services.GetRequiredService<Submissions.RegionDirectory>().ListAsync(cancellationToken);
                await error.WriteLineAsync(known.Count == 0
                    ? $"地区名录中没有地区「{name}」：名录为空，请先导入 regions.csv"
                    : $"地区名录中没有地区「{name}」。可用的地区：{string.Join("、", known.Select(r => $"{r.Id}（{r.Region}）"))}");
                return InvalidCode;
            }

            var rollup = await rollups.ComputeAsync(found, wantedYear, cancellationToken);
            var docx = parse.GetValue(output)!;
            var csvFile = parse.GetValue(csv);
            try
            {
                await File.WriteAllBytesAsync(docx.FullName, RollupWordDocument.Create(rollup), cancellationToken);
                if (csvFile is not null)
                {
                    await File.WriteAllBytesAsync(csvFile.FullName, RollupCsv.Sums(rollup, RegionPath.Parse(found.Region)).Content.ToArray(), cancellationToken);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"无法写入文件（{ex.Message}）");
                return InvalidCode;
            }

            var incomplete = rollup.Cells.Count(c => !c.IsComplete);
            await stdout.WriteLineAsync($"已生成《{rollup.Title}》：{docx.FullName}" + (csvFile is null ? "" : $"，汇总表：{csvFile.FullName}"));
            await stdout.WriteLineAsync(
                $"计入 {rollup.Summed.Count} 份报告；格式不同未计入 {rollup.OtherTemplate.Count} 份；尚未发布 {rollup.NotPublished.Count} 个机关；"
                + (incomplete == 0 ? "所有合计完整" : $"{incomplete} 个单元格的合计不完整（见文档第一部分）"));
            return 0;
        });
        return command;
    }
}
