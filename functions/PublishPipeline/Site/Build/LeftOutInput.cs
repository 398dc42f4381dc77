namespace PublishPipeline.Site.Build;

/// <summary>An input file a build left out, and why (in Chinese, for the operator).</summary>
public sealed record LeftOutInput(string Path, string Reason)
{
    public override string ToString() => $"{Path}：{Reason}";
}
