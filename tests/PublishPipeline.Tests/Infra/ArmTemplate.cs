using System.Text.Json;

namespace PublishPipeline.Tests.Infra;

/// <summary>
/// A compiled ARM template (what <c>bicep build</c> prints), read the way ARM reads it: resources as an array
/// (language version 1) or as an object keyed by symbolic name (language version 2.0), Bicep modules as nested
/// <c>Microsoft.Resources/deployments</c> with their own template.
/// </summary>
internal sealed class ArmTemplate(JsonElement root)
{
    public JsonElement Root { get; } = root;

    public static ArmTemplate Parse(string json) => new(JsonDocument.Parse(json).RootElement.Clone());

    /// <summary>The resources this template deploys (not the <c>existing</c> references).</summary>
    public IEnumerable<JsonElement> Resources
    {
        get
        {
            var resources = Root.GetProperty("resources");
            var all = resources.ValueKind == JsonValueKind.Array
                ? resources.EnumerateArray()
                : resources.EnumerateObject().Select(p => p.Value);
            return all.Where(r => !(r.TryGetProperty("existing", out var existing) && existing.GetBoolean())).ToList();
        }
    }

    public IEnumerable<JsonElement> OfType(string type) =>
        Resources.Where(r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase));

    public JsonElement Single(string type) => Assert.Single(OfType(type));

    /// <summary>The module deployed under this deployment name.</summary>
    public JsonElement ModuleDeployment(string name) =>
        Assert.Single(OfType("Microsoft.Resources/deployments"), d => d.GetProperty("name").GetString() == name);

    public ArmTemplate Module(string name) => new(ModuleDeployment(name).GetProperty("properties").GetProperty("template"));

    /// <summary>
    /// The value expression passed to a module's parameter: <c>{"value": …}</c>, or, when Bicep hoists a condition,
    /// one expression that builds that object (<c>[if(…, createObject('value', …), …)]</c>).
    /// </summary>
    public string ModuleArgument(string module, string parameter)
    {
        var argument = ModuleDeployment(module).GetProperty("properties").GetProperty("parameters").GetProperty(parameter);
        return argument.ValueKind == JsonValueKind.String ? argument.GetString()! : argument.GetProperty("value").ToString();
    }

    public JsonElement Parameter(string name) => Root.GetProperty("parameters").GetProperty(name);

    public JsonElement Variable(string name) => Root.GetProperty("variables").GetProperty(name);

    public IEnumerable<string> Outputs => Root.GetProperty("outputs").EnumerateObject().Select(o => o.Name);

    /// <summary>The parameter an expression of the exact form <c>[parameters('x')]</c> reads, or null.</summary>
    public static string? ParameterReference(string expression) =>
        expression.StartsWith("[parameters('", StringComparison.Ordinal) && expression.EndsWith("')]", StringComparison.Ordinal)
            ? expression["[parameters('".Length..^"')]".Length]
            : null;
}
