using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublishPipeline.Notices;
using PublishPipeline.Pipeline;
using PublishPipeline.Pipeline.Deadlines;
using PublishPipeline.Storage;

namespace PublishPipeline.Cli.Operations;

/// <summary>
/// The pipeline's services for an operator's command, reaching storage as the Functions app does: a connection string
/// (Azurite locally), or the account's blob, queue and table endpoints with the operator's Entra ID sign-in.
/// </summary>
internal static class PipelineConnection
{
    public static Option<string?> ConnectionOption() => new("--connection")
    {
        Description = $"存储连接字符串（默认取环境变量 {StorageNames.ConnectionSetting}，未设置时为本地 Azurite）",
    };

    public static Option<string?> AccountOption() => new("--account")
    {
        Description = "Azure 存储账户名（以 Entra ID 登录身份访问 blob、队列和表服务）",
    };

    /// <summary>The services, or null after saying why on <paramref name="error"/>.</summary>
    public static ServiceProvider? Build(string? connection, string? account, TextWriter error)
    {
        if (!string.IsNullOrWhiteSpace(connection) && !string.IsNullOrWhiteSpace(account))
        {
            error.WriteLine("--connection 与 --account 只能指定一个");
            return null;
        }

        var settings = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(account))
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(account, "^[a-z0-9]{3,24}$"))
            {
                error.WriteLine($"--account「{account}」不是有效的存储账户名（3–24 位小写字母和数字）");
                return null;
            }

            foreach (var service in new[] { "blob", "queue", "table" })
            {
                settings[$"{StorageNames.ConnectionSetting}:{service}ServiceUri"] = $"https://{account}.{service}.core.windows.net";
            }
        }
        else
        {
            settings[StorageNames.ConnectionSetting] = connection
                ?? Environment.GetEnvironmentVariable(StorageNames.ConnectionSetting)
                ?? Agencies.AgencyTable.DevelopmentStorage;
        }

        // The pipeline's own settings (Pipeline__SiteBaseUrl …) come from the environment under their app-setting
        // names, and only those: storage is what the options above say. Against the local Azurite the links default
        // to the dev host's, as nothing is mailed to the public.
        var local = settings.TryGetValue(StorageNames.ConnectionSetting, out var storage) && IsLocalStorage(storage);
        var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(local ? LocalLinks() : [])
            .AddInMemoryCollection(PipelineSections.SelectMany(section => environment.GetSection(section).AsEnumerable()).Where(s => s.Value is not null))
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddPublishPipeline(configuration);
        return services.BuildServiceProvider();
    }

    private static readonly string[] PipelineSections = [PipelineOptions.Section, NoticeOptions.Section, DeadlineOptions.Section];

    private static bool IsLocalStorage(string? connection) =>
        connection is not null
        && (connection.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
            || connection.Contains("127.0.0.1", StringComparison.Ordinal)
            || connection.Contains("localhost", StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, string?> LocalLinks()
    {
        var dev = new Dev.DevHostOptions();
        return new()
        {
            ["Pipeline:SiteBaseUrl"] = $"http://127.0.0.1:{dev.SitePort}",
            ["Pipeline:ApiBaseUrl"] = $"http://127.0.0.1:{dev.ApiPort}",
        };
    }
}
