using System.Reflection;
using System.Text.RegularExpressions;
using PublishPipeline.Cli;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Cli;

/// <summary>
/// <c>pubpipe validate</c> checks a draft with the core alone: its source names no namespace of the pipeline library
/// (the one with Azure, ASP.NET and SendGrid), and its public methods take and return only core, command-line and
/// framework types.
/// </summary>
public sealed partial class ValidateCommandDependencyTests
{
    private static readonly Assembly Core = typeof(Report).Assembly;

    // "PublishPipeline.Validation.Identification" → "Validation": the folders the core's namespaces start with.
    private static HashSet<string> CoreFolders() =>
        Core.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(ns => ns.StartsWith("PublishPipeline.", StringComparison.Ordinal))
            .Select(ns => ns.Split('.')[1])
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Validate_command_source_uses_only_core_namespaces()
    {
        var source = File.ReadAllText(Path.Combine(Corpus.RepoRoot, "tools", "PublishPipeline.Cli", "ValidateCommand.cs"));
        var core = CoreFolders();
        Assert.Contains("Validation", core);
        var named = OurFolder().Matches(Regex.Replace(source, @"//[^\n]*", "")).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains("Checking", named); // the scan sees the command's real usings
        var outside = named.Where(folder => !core.Contains(folder) && folder != "Cli").ToList();
        Assert.True(outside.Count == 0, "pubpipe validate uses the pipeline library: " + string.Join(", ", outside));
    }

    [Fact]
    public void Validate_command_signatures_use_only_core_and_framework_types()
    {
        var library = typeof(PipelineServiceCollectionExtensions).Assembly;
        var types = typeof(ValidateCommand).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))
            .Select(t => t.IsGenericType ? t.GetGenericArguments().Append(t) : [t])
            .SelectMany(t => t)
            .Select(t => t.IsByRef || t.IsArray ? t.GetElementType()! : t)
            .Distinct()
            .ToList();
        Assert.Contains(types, t => t.Assembly == Core);
        Assert.DoesNotContain(types, t => t.Assembly == library);
    }

    [GeneratedRegex(@"\bPublishPipeline\.([A-Z]\w*)")]
    private static partial Regex OurFolder();
}
