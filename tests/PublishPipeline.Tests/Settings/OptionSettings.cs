using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.Tests.Settings;

/// <summary>
/// Every setting of every options class, found by reflection (a class with a <c>Section</c> constant, its settable
/// public properties, a <see cref="ConfigurationKeyNameAttribute"/> naming the key where it differs), named as an
/// operator writes it in app settings: <c>Pipeline__SiteBaseUrl</c>. A property added to an options class is a setting
/// the tests then look for in local.settings.sample.json and the Bicep.
/// </summary>
internal static partial class OptionSettings
{
    /// <summary>The options classes: every type of the pipeline assembly with a <c>public const string Section</c>.</summary>
    public static IReadOnlyList<(Type Options, string Section)> Classes() =>
        typeof(PipelineOptions).Assembly.GetTypes()
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(t => t.Type.Name.EndsWith("Options", StringComparison.Ordinal) && t.Field is { IsLiteral: true } && t.Field.FieldType == typeof(string))
            .Select(t => (t.Type, (string)t.Field!.GetRawConstantValue()!))
            .OrderBy(t => t.Item2, StringComparer.Ordinal)
            .ToList();

    /// <summary>Each options class's settings as app-setting names, except storage (see <see cref="StorageForms"/>).</summary>
    public static IReadOnlyList<string> Names() =>
        Classes()
            .Where(c => c.Options != typeof(StorageOptions))
            .SelectMany(c => c.Options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite)
                .Select(p => $"{c.Section}__{p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? p.Name}"))
            .ToList();

    /// <summary>
    /// Storage is one setting in two alternative forms, as the Functions host reads <c>AzureWebJobsStorage</c>: a
    /// connection string locally (Azurite), the service URIs with a managed identity in Azure. Every settable property
    /// of <see cref="StorageOptions"/> is in exactly one of the two.
    /// </summary>
    public static (string[] Local, string[] Azure) StorageForms()
    {
        var section = StorageOptions.Section;
        var properties = typeof(StorageOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name).ToList();
        var local = properties.Where(p => p == nameof(StorageOptions.ConnectionString)).Select(_ => section).ToArray();
        var azure = properties.Where(p => p != nameof(StorageOptions.ConnectionString)).Select(p => $"{section}__{char.ToLowerInvariant(p[0])}{p[1..]}").ToArray();
        return (local, azure);
    }

    /// <summary>local.settings.sample.json's Values.</summary>
    public static Dictionary<string, string> Sample()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus.RepoRoot, "local.settings.sample.json")));
        return document.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
    }

    /// <summary>
    /// The settings the README lists under "Settings that are not in Azure" (a table whose first column is the
    /// setting in backticks): the ones the Bicep leaves out on purpose, each with its reason.
    /// </summary>
    public static IReadOnlyList<string> DocumentedAsNotInAzure()
    {
        var readme = File.ReadAllText(Path.Combine(Corpus.RepoRoot, "README.md"));
        var start = readme.IndexOf("#### Settings that are not in Azure", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md lacks the section \"#### Settings that are not in Azure\"");
        var end = readme.IndexOf("\n#", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];
        return TableRow().Matches(section).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex(@"^\|\s*`([A-Za-z0-9_]+)`\s*\|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
