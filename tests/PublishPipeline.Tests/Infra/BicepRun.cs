namespace PublishPipeline.Tests.Infra;

/// <summary>One run of the Bicep CLI: its exit code, output and the diagnostics it printed.</summary>
internal sealed record BicepRun(int ExitCode, string Output, string Errors)
{
    /// <summary>Diagnostic lines (<c>file(line,col) : Error|Warning|Info CODE: message</c>) of the given level.</summary>
    public IReadOnlyList<string> Diagnostics(string level) =>
        (Output + "\n" + Errors).Split('\n').Where(l => l.Contains($") : {level} ", StringComparison.Ordinal)).ToList();

    public string Describe() => $"exit {ExitCode}\n{Errors}\n{(Output.Length > 2000 ? Output[..2000] : Output)}";
}
