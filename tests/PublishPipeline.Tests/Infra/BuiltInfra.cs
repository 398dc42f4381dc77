namespace PublishPipeline.Tests.Infra;

/// <summary>Builds infra/main.bicep and the postdeploy subscription template once for all the infra tests.</summary>
public sealed class BuiltInfra
{
    public const string MainFile = "main.bicep";

    public const string SubscriptionFile = "postdeploy/drafts-subscription.bicep";

    private readonly Lazy<(BicepRun Run, ArmTemplate? Template)> main = new(() => Build(MainFile));
    private readonly Lazy<(BicepRun Run, ArmTemplate? Template)> subscription = new(() => Build(SubscriptionFile));

    internal BicepRun MainBuild => main.Value.Run;

    internal ArmTemplate Main => main.Value.Template ?? throw new InvalidOperationException("main.bicep did not build:\n" + MainBuild.Describe());

    internal BicepRun SubscriptionBuild => subscription.Value.Run;

    internal ArmTemplate Subscription => subscription.Value.Template ?? throw new InvalidOperationException("the subscription template did not build:\n" + SubscriptionBuild.Describe());

    private static (BicepRun, ArmTemplate?) Build(string file)
    {
        var run = BicepCli.Run("build", BicepCli.InfraPath(file.Split('/')), "--stdout");
        return (run, run.ExitCode == 0 ? ArmTemplate.Parse(run.Output) : null);
    }
}
