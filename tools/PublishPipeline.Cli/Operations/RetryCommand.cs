using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Pipeline;

namespace PublishPipeline.Cli.Operations;

/// <summary><c>pubpipe retry ID --operator NAME</c>: runs a failed version's stage again once the cause is fixed.</summary>
internal static class RetryCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "处理失败的版本的提交编号，如 lanxi-wenlvj-2024-v2" };
        var operatorName = new Option<string>("--operator") { Description = "操作人（写入审计记录）", Required = true };
        var connection = PipelineConnection.ConnectionOption();
        var account = PipelineConnection.AccountOption();
        var command = new Command("retry", "排除故障后重新处理一个失败的版本（重新校验或重新发布）") { id, operatorName, connection, account };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var name = parse.GetValue(operatorName)!.Trim();
            if (name.Length is 0 or > 100 || name.Any(char.IsControl))
            {
                await error.WriteLineAsync("--operator 应为操作人的姓名或邮箱");
                return 2;
            }

            using var services = PipelineConnection.Build(parse.GetValue(connection), parse.GetValue(account), error);
            if (services is null)
            {
                return 2;
            }

            var result = await services.GetRequiredService<FailureRecovery>().RetryAsync(parse.GetValue(id)!, name, cancellationToken);
            await (result.Outcome == RecoveryOutcome.Retried ? parse.InvocationConfiguration.Output : error).WriteLineAsync($"{parse.GetValue(id)}：{result.Message}");
            return result.Outcome == RecoveryOutcome.Retried ? 0 : 1;
        });
        return command;
    }
}
