using System.CommandLine;
using Azure.Data.Tables;
using Azure.Identity;
using PublishPipeline.Storage;

namespace PublishPipeline.Cli.Agencies;

/// <summary>
/// Where <c>pubpipe agencies</c> finds the <c>agencies</c> table: a connection string (Azurite locally), or, in Azure,
/// the account's table endpoint with the operator's Entra ID sign-in (the account takes no shared keys).
/// </summary>
public sealed class AgencyTable
{
    private AgencyTable(TableClient client, string description)
    {
        Client = client;
        Description = description;
    }

    public TableClient Client { get; }

    /// <summary>The table and endpoint, for messages; never the connection string, which may hold an account key.</summary>
    public string Description { get; }

    public static Option<string?> ConnectionOption() => new("--connection")
    {
        Description = $"存储连接字符串（默认取环境变量 {StorageNames.ConnectionSetting}，未设置时为本地 Azurite：{DevelopmentStorage}）",
    };

    public static Option<string?> TableEndpointOption() => new("--table-endpoint")
    {
        Description = "Azure 表服务地址，如 https://ACCOUNT.table.core.windows.net（以 Entra ID 登录身份访问，需 Storage Table Data Contributor 角色）",
    };

    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>
    /// The table the options name, or null after writing why to <paramref name="error"/>. <paramref name="environment"/>
    /// reads environment variables (a parameter so tests need not change the process environment).
    /// </summary>
    public static AgencyTable? Resolve(string? connection, string? tableEndpoint, Func<string, string?> environment, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(error);
        if (!string.IsNullOrWhiteSpace(connection) && !string.IsNullOrWhiteSpace(tableEndpoint))
        {
            error.WriteLine("--connection 与 --table-endpoint 只能指定一个");
            return null;
        }

        if (!string.IsNullOrWhiteSpace(tableEndpoint))
        {
            if (!Uri.TryCreate(tableEndpoint.Trim(), UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps
                || endpoint.AbsolutePath.Trim('/').Length > 0 || !string.IsNullOrEmpty(endpoint.Query))
            {
                error.WriteLine($"--table-endpoint “{tableEndpoint}”应为 https 表服务地址，如 https://ACCOUNT.table.core.windows.net");
                return null;
            }

            var service = new TableServiceClient(endpoint, new DefaultAzureCredential());
            return new AgencyTable(service.GetTableClient(StorageNames.AgenciesTable), $"{StorageNames.AgenciesTable}（{endpoint.GetLeftPart(UriPartial.Authority)}，Entra ID 登录身份）");
        }

        var connectionString = !string.IsNullOrWhiteSpace(connection) ? connection.Trim()
            : environment(StorageNames.ConnectionSetting) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : DevelopmentStorage;
        TableServiceClient client;
        try
        {
            client = new TableServiceClient(connectionString);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // The string itself is not echoed: it may carry an account key.
            error.WriteLine("存储连接字符串无效（--connection 或环境变量 " + StorageNames.ConnectionSetting + "）");
            return null;
        }

        return new AgencyTable(client.GetTableClient(StorageNames.AgenciesTable), $"{StorageNames.AgenciesTable}（{client.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/')}）");
    }
}
