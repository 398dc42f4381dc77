using System.CommandLine;
using Azure;
using Azure.Identity;

namespace PublishPipeline.Cli.Agencies;

/// <summary>
/// <c>pubpipe agencies import FILE.csv [--dry-run]</c> and <c>pubpipe agencies list [--json]</c>: the agency directory
/// that decides who may submit and review for an agency and where its mail goes. Exit 0 done, 1 storage unreachable
/// or refused, 2 an invalid file or option (nothing written).
/// </summary>
public static class AgenciesCommand
{
    public const int StorageFailedCode = 1;

    public const int InvalidCode = 2;

    public static Command Create() => new("agencies", "机构名录：从 CSV 导入、查看")
    {
        AgenciesImportCommand.Create(),
        AgenciesListCommand.Create(),
    };

    /// <summary>
    /// What an operator should read when the table cannot be reached or refuses the caller; null for an exception that
    /// is a bug, which should propagate with its stack trace.
    /// </summary>
    internal static string? StorageFailure(Exception exception) => exception switch
    {
        CredentialUnavailableException e => $"没有可用的 Entra ID 登录身份（请先运行 az login 或 azd auth login）：{e.Message}",
        AuthenticationFailedException e => $"Entra ID 身份验证失败：{e.Message}",
        RequestFailedException { Status: 403 } e => $"存储拒绝访问（{e.ErrorCode}）：登录身份需要该存储账户的 Storage Table Data Contributor 角色",
        RequestFailedException e => $"存储请求失败（HTTP {e.Status}，{e.ErrorCode}）：{e.Message.Split('\n')[0]}",
        // Azure.Core gives up on transport errors (connection refused …) with an AggregateException of its tries.
        AggregateException e when e.InnerExceptions.All(i => i is RequestFailedException or HttpRequestException or IOException) =>
            $"无法连接存储（Azurite 是否已启动？地址是否正确？）：{e.InnerExceptions[^1].Message}",
        HttpRequestException e => $"无法连接存储：{e.Message}",
        _ => null,
    };
}
