using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PublishPipeline.Access;
using PublishPipeline.Addresses;
using PublishPipeline.Calendar;
using PublishPipeline.Pipeline;
using PublishPipeline.Pipeline.Supervision;
using PublishPipeline.Rollups;
using PublishPipeline.Site;
using PublishPipeline.Site.Board;
using PublishPipeline.Site.Model;
using PublishPipeline.Site.OpenData;
using PublishPipeline.Site.Views;
using PublishPipeline.Submissions;

namespace PublishPipeline.Api;

/// <summary>
/// What a region's supervisors read: <c>GET /api/regions</c> (the regions the caller supervises) and
/// <c>GET /api/regions/{id}/board?year=Y</c> (the supervisor board: a page for browsers, JSON for programs, CSV with
/// <c>format=csv</c>; under it the region's roll-up for the year, with <c>format=rollup-docx</c>, <c>rollup-csv</c> and
/// <c>rollup-detail-csv</c> for its Word document and CSV files). Only the region's supervisors see its board.
/// </summary>
public sealed class RegionsApi(
    RegionDirectory regions,
    RegionBoards boards,
    RegionRollups rollups,
    CallerResolver callers,
    SiteRenderer renderer,
    TimeProvider clock,
    IOptions<PipelineOptions> options)
{
    public const string ListRoute = "regions";

    public const string BoardRoute = "regions/{id}/board";

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = callers.Resolve(request);
        if (caller is null)
        {
            return Problems.Unauthenticated();
        }

        var supervised = await regions.SupervisedByAsync(caller.Email, cancellationToken);
        var year = BoardYear.Default(ChinaTime.DateInChina(clock.GetUtcNow()));
        var model = new SupervisedRegionsModel(caller.Email, year, [.. supervised.Select(r => new SupervisedRegionEntry(r.Id, r.Name, r.Region, r.Office))]);
        if (!SubmissionsApi.WantsHtml(request))
        {
            return PrivateJson.Of(new SupervisedRegionsView(
                caller.Email, year, [.. supervised.Select(r => new SupervisedRegionView(r.Id, r.Name, r.Region, r.Office, options.Value.Urls().RegionBoard(r.Id, year)))]));
        }

        return SubmissionsApi.PrivatePage(await renderer.RenderSupervisedRegionsAsync(model, cancellationToken), PreviewHeaders.Preview);
    }

    public async Task<IResult> GetBoardAsync(HttpRequest request, string regionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = callers.Resolve(request);
        if (caller is null)
        {
            return Problems.Unauthenticated();
        }

        var region = await regions.GetAsync(regionId, cancellationToken);
        if (region is null)
        {
            return Problems.NotFound("地区未登记", $"地区编号「{regionId}」不在督导地区名录中。");
        }

        if (!AccessPolicy.IsSupervisor(region, caller))
        {
            return Problems.Forbidden($"{caller.Email} 不是「{region.Name}」的政务公开督导人员，不能查看该地区的报送进度。");
        }

        var today = ChinaTime.DateInChina(clock.GetUtcNow());
        var year = BoardYear.Default(today);
        var asked = request.Query[RegionPaths.YearParameter].ToString();
        if (asked.Length > 0)
        {
            if (!int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out year) || !BoardYear.IsAllowed(year, today))
            {
                return Problems.BadRequest(
                    "报告年度无效",
                    $"参数 {RegionPaths.YearParameter}=「{asked}」不是可查看的报告年度：应为 {BoardYear.First} 至 {today.Year} 之间的年份。");
            }
        }

        var format = request.Query[RegionPaths.FormatParameter].ToString();
        if (format.Length > 0 && !BoardFormats.Contains(format))
        {
            return Problems.BadRequest(
                "格式无效",
                $"参数 {RegionPaths.FormatParameter}=「{format}」无效：只支持 {string.Join("、", BoardFormats)}，不带该参数则返回页面或 JSON。");
        }

        if (format is RegionPaths.RollupWordFormat or RegionPaths.RollupCsvFormat or RegionPaths.RollupDetailCsvFormat)
        {
            return RollupFile(region, await rollups.ComputeAsync(region, year, cancellationToken), format);
        }

        var board = await boards.BuildAsync(region, year, today, cancellationToken);
        if (format == RegionPaths.CsvFormat)
        {
            var file = BoardCsv.Write(board, options.Value.ApiBaseUrl);
            return new PrivateFile(file.Content, file.ContentType, file.Path);
        }

        if (!SubmissionsApi.WantsHtml(request))
        {
            return PrivateJson.Of(board);
        }

        var rollup = await rollups.ComputeAsync(region, year, cancellationToken);
        var urls = options.Value.Urls();
        var regionPath = RegionPath.Parse(region.Region);
        var shown = new BoardRollupModel(
            rollup,
            source => urls.ReportPage(year, source.AgencyId),
            urls.RegionBoardAs(region.Id, year, RegionPaths.RollupWordFormat),
            urls.RegionBoardAs(region.Id, year, RegionPaths.RollupCsvFormat),
            urls.RegionBoardAs(region.Id, year, RegionPaths.RollupDetailCsvFormat),
            rollup.Summed.Count + rollup.OtherTemplate.Count > 0 ? new Uri(urls.SiteRoot, Href.Path(SitePaths.RollupUrl(year, regionPath)).TrimStart('/')).ToString() : null);
        return SubmissionsApi.PrivatePage(
            await renderer.RenderSupervisorBoardAsync(new SupervisorBoardModel(board, BoardYear.Choices(today)), shown, cancellationToken),
            PreviewHeaders.StatusPage);
    }

    private static readonly string[] BoardFormats =
        [RegionPaths.CsvFormat, RegionPaths.RollupWordFormat, RegionPaths.RollupCsvFormat, RegionPaths.RollupDetailCsvFormat];

    /// <summary>The roll-up's Word document or one of its CSV files, made now from the live reports, as a private download.</summary>
    private PrivateFile RollupFile(SupervisedRegion region, RegionRollup rollup, string format)
    {
        var regionPath = RegionPath.Parse(region.Region);
        var name = $"{region.Id}-{rollup.Year}-rollup";
        return format switch
        {
            RegionPaths.RollupWordFormat => new PrivateFile(RollupWordDocument.Create(rollup), SiteFile.Docx, name + ".docx"),
            RegionPaths.RollupCsvFormat => Csv(RollupCsv.Sums(rollup, regionPath), name + ".csv"),
            _ => Csv(RollupCsv.Detail(rollup, regionPath, new Uri(options.Value.SiteBaseUrl.TrimEnd('/') + "/")), name + "-detail.csv"),
        };

        static PrivateFile Csv(SiteFile file, string fileName) => new(file.Content, file.ContentType, fileName);
    }
}

/// <summary>The regions a caller supervises, as JSON.</summary>
public sealed record SupervisedRegionsView(string Email, int Year, IReadOnlyList<SupervisedRegionView> Regions);

public sealed record SupervisedRegionView(string Id, string Name, string Region, string Office, string BoardUrl);
